using Versus.Core.Engines;

namespace Versus.Core.Tests.Measurement;

/// <summary>
/// A bash worker that speaks the protocol correctly (every timing 1.5 ms, a loss of 2.3, ten logits an image, 'save'
/// writes a placeholder file), except
/// at one op, where a bash snippet takes over: it may rewrite the reply <c>r</c>, exit, hang or exhaust its memory.
/// </summary>
public static class ProtocolScript
{
    private const string Body = """
        rep() { local s=""; for ((i = 0; i < $1; i++)); do s+="${s:+,}$2"; done; printf '%s' "$s"; }
        while read -r line; do
          [[ $line =~ \"id\":([0-9]+) ]] && id=${BASH_REMATCH[1]}
          [[ $line =~ \"op\":\"([a-z]+)\" ]] && op=${BASH_REMATCH[1]}
          n=1; [[ $line =~ \"(iterations|steps)\":([0-9]+) ]] && n=${BASH_REMATCH[2]}
          k=1; if [[ $line =~ \"indices\":\[([0-9,]*)\] ]]; then c=${BASH_REMATCH[1]//[^,]/}; k=$(( ${#c} + 1 )); fi
          case $op in
            hello) r='{"protocol":2,"engine":{"id":"scripted","framework":"Bash","version":"1","backend":"cpu","host":"bash","threads":1,"details":{}},"mainEnteredUnixMs":0,"engineLoadMs":1,"pid":1}';;
            prepare) r='{"dataMs":1,"buildMs":1,"trainCount":256,"testCount":64}';;
            warmup|infer|matmul) r="{\"ms\":[$(rep $n 1.5)]}";;
            train) r="{\"stepMs\":[$(rep $n 1.5)],\"losses\":[$(rep $n 2.3)]}";;
            evaluate) r='{"accuracy":0.5,"loss":1.2,"ms":3}';;
            predict) r="{\"logits\":[$(rep $((k * 10)) 0.1)],\"ms\":2}";;
            load) r='{"buildMs":1}';;
            save) [[ $line =~ \"path\":\"([^\"]+)\" ]] && printf 'state' > "${BASH_REMATCH[1]}"; r='{}';;
            shutdown) echo "{\"id\":$id,\"ok\":true,\"result\":{}}"; exit 0;;
            *) r='{}';;
          esac
          if [[ $op == FAULT_OP ]]; then FAULT_SNIPPET
          fi
          echo "{\"id\":$id,\"ok\":true,\"result\":$r}"
        done
        """;

    /// <summary>The worker's launch; <paramref name="snippet"/> runs when the request is <paramref name="op"/>.</summary>
    public static WorkerLaunch Faulty(string op, string snippet) =>
        new("bash", ["-c", Body.Replace("FAULT_OP", op, StringComparison.Ordinal).Replace("FAULT_SNIPPET", snippet, StringComparison.Ordinal)]);

    public static WorkerLaunch WellBehaved() => Faulty("none", ":");

    /// <summary>A snippet that answers with <paramref name="reply"/> (bash single-quoted) instead.</summary>
    public static string Reply(string reply) => $"r='{reply}'";
}
