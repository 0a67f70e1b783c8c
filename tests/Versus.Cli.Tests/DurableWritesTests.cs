using System.Text.RegularExpressions;
using Versus.Core.Results;

namespace Versus.Cli.Tests;

/// <summary>
/// Every file a run or a report replaces whole reaches the disk before its rename, so a power cut leaves the old file
/// or the new one, never an empty one: traced with strace, an fsync of each temporary file comes before its rename.
/// </summary>
public sealed partial class DurableWritesTests : IDisposable
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(4);
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [SkippableFact]
    public async Task Should_FlushEachFileToDiskBeforeRenamingIt_When_ARunAndAReportReplaceTheirFiles()
    {
        Skip.If(Strace() is null, "strace is not installed (apt install strace): the test traces the CLI's fsync and rename calls");
        var folder = temp.File("run");

        // TorchSharp trains, so its worker saves the trained state the parent then renames into place.
        var run = await TracedAsync(temp.File("run.trace"), "run", "--engines", "torchsharp", "--workloads", "depth-2", "--quick", "--no-deploy",
            "--train-images", "64", "--test-images", "64", "--out", folder, "--db", temp.File("results.db"));
        var runId = ResultsJson.Deserialize<RunResults>(File.ReadAllText(Path.Combine(folder, "results.json"))).RunId;
        var report = await TracedAsync(temp.File("report.trace"), "report", runId, "--db", temp.File("results.db"), "--format", "html",
            "--out", temp.File("report.html"));

        Assert.True(run.ExitCode == 0, $"exit {run.ExitCode}: {run.Stdout} {run.Stderr}");
        Assert.True(report.ExitCode == 0, $"exit {report.ExitCode}: {report.Stdout} {report.Stderr}");
        var renames = Renames(temp.File("run.trace")).Concat(Renames(temp.File("report.trace")))
            .Where(r => r.Target.StartsWith(temp.Path, StringComparison.Ordinal)).ToList();
        string[] expected = ["run/results.json", "run/report.md", "run/report.html", "run/weights/depth-2.safetensors",
            "run/weights/depth-2.trained.safetensors.partial", "run/weights/depth-2.trained.safetensors", "report.html"];
        Assert.Empty(expected.Select(temp.File).Except(renames.Select(r => r.Target)));
        var unflushed = renames.Where(r => !r.Flushed).Select(r => r.Target).Distinct().ToList();
        Assert.True(unflushed.Count == 0, $"renamed with no fsync of the temporary file before: {string.Join(", ", unflushed)}");
    }

    /// <summary>The CLI under strace, following its workers, tracing only the calls the test reads (cheap with seccomp).</summary>
    private static async Task<VersusProcess.Result> TracedAsync(string trace, params string[] args)
    {
        var result = await VersusProcess.RunThroughAsync(Limit,
            [Strace()!, "-f", "-qq", "-y", "-s", "4096", "--seccomp-bpf", "-o", trace, "-e", "trace=fsync,fdatasync,rename,renameat,renameat2"],
            new Dictionary<string, string>(), args);
        Skip.If(result.Stderr.Contains("strace: ", StringComparison.Ordinal) && !File.Exists(trace),
            $"strace cannot trace here (no ptrace in this container?): {result.Stderr.Trim()}");
        return result;
    }

    /// <summary>Each rename in a trace, in order: its target, and whether an fsync (or fdatasync) of its source came before it.</summary>
    private static List<(string Target, bool Flushed)> Renames(string trace)
    {
        var flushed = new HashSet<string>();
        var renames = new List<(string, bool)>();
        foreach (var line in File.ReadLines(trace))
        {
            if (FsyncCall().Match(line) is { Success: true } sync) flushed.Add(sync.Groups["path"].Value);
            else if (RenameCall().Match(line) is { Success: true } rename)
                renames.Add((rename.Groups["to"].Value, flushed.Contains(rename.Groups["from"].Value)));
        }
        return renames;
    }

    private static string? Strace() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, "strace")).FirstOrDefault(File.Exists);

    // "1234  fsync(23</tmp/x/results.json.tmp>) = 0" (-y names the file behind the descriptor).
    [GeneratedRegex(@"\b(?:fsync|fdatasync)\(\d+<(?<path>[^>]+)>")]
    private static partial Regex FsyncCall();

    // rename("from", "to"), renameat(AT_FDCWD, "from", AT_FDCWD, "to"), renameat2(..., flags).
    [GeneratedRegex(@"\brename(?:at2?)?\((?:[^"",]+, )?""(?<from>[^""]+)"", (?:[^"",]+, )?""(?<to>[^""]+)""")]
    private static partial Regex RenameCall();
}
