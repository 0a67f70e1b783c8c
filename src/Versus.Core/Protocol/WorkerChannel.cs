using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Versus.Core.Engines;

namespace Versus.Core.Protocol;

/// <summary>
/// The parent's end of one worker process. Every fault becomes a <see cref="WorkerFaultException"/> with a reason a
/// user can act on: the process exited (with its exit code and the tail of its stderr), did not answer within the
/// timeout (it is killed), or wrote something that is not a protocol message.
/// </summary>
public sealed class WorkerChannel : IAsyncDisposable
{
    private const int StderrTailChars = 2000;
    private readonly Process process;
    private readonly Channel<string?> lines = Channel.CreateUnbounded<string?>();
    private readonly StderrTail stderr = new(StderrTailChars);
    private long nextId;
    private bool lost;

    private WorkerChannel(Process process, DateTimeOffset spawnedAt, long spawnTimestamp)
    {
        this.process = process;
        SpawnedAt = spawnedAt;
        SpawnTimestamp = spawnTimestamp;
    }

    /// <summary>Wall-clock time just before the process was started: compared with the worker's own clock at its entry point.</summary>
    public DateTimeOffset SpawnedAt { get; }

    /// <summary>The same instant on the monotonic clock (<see cref="Stopwatch.GetTimestamp"/>): the origin of cold start's elapsed time.</summary>
    public long SpawnTimestamp { get; }

    public long? LastPeakRssBytes { get; private set; }

    public int ProcessId => process.Id;

    /// <summary>
    /// The worker can answer no more requests: it exited, or was killed for a hang or a broken protocol. An engine's
    /// refusal of one request ("ok": false) leaves it running.
    /// </summary>
    public bool IsLost => lost || process.HasExited;

    public static WorkerChannel Start(WorkerLaunch launch)
    {
        var process = new Process { StartInfo = launch.StartInfo(), EnableRaisingEvents = true };
        var spawnedAt = DateTimeOffset.UtcNow;
        var spawnTimestamp = Stopwatch.GetTimestamp();
        try
        {
            process.Start();
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            throw new WorkerFaultException($"could not start worker '{launch.FileName}': {e.Message}");
        }
        var channel = new WorkerChannel(process, spawnedAt, spawnTimestamp);
        process.OutputDataReceived += (_, e) => channel.lines.Writer.TryWrite(e.Data);
        process.ErrorDataReceived += (_, e) => channel.stderr.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return channel;
    }

    public async Task<TResult> SendAsync<TResult>(string op, object? args, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var result = await SendAsync(op, args, timeout, cancellationToken);
        TResult typed;
        try
        {
            if (typeof(TResult) == typeof(TrainResult)) ReplyCheck.NullLossesAsNaN(result);
            typed = result.Deserialize<TResult>(ProtocolEnvelope.Replies) ?? throw new JsonException("null result");
        }
        catch (JsonException e)
        {
            Kill();
            // A null the protocol allows does not fail deserialisation, so a null on the failing path is the fault.
            if (e.Path is { } path && JsonNulls.First(result) is { } nullPath && nullPath.StartsWith(path, StringComparison.Ordinal))
            {
                throw new WorkerFaultException($"worker answered '{op}' with null at {nullPath[2..]} where a number belongs " +
                    "(JavaScript's JSON.stringify writes NaN and infinities as null)");
            }
            throw new WorkerFaultException($"worker answered '{op}' with a result that does not match the protocol ({e.Message})");
        }
        if (ReplyCheck.Problem(typed) is { } problem)
        {
            Kill();
            throw new WorkerFaultException($"worker answered '{op}' with a result the protocol forbids: {problem}");
        }
        return typed;
    }

    public async Task<JsonNode> SendAsync(string op, object? args, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var id = ++nextId;
        try
        {
            await process.StandardInput.WriteLineAsync(ProtocolEnvelope.Request(id, op, args).AsMemory(), cancellationToken);
            await process.StandardInput.FlushAsync(cancellationToken);
        }
        catch (IOException)
        {
            throw await ExitedAsync(op);
        }

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        string? line;
        try
        {
            line = await lines.Reader.ReadAsync(deadline.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            Kill();
            throw new WorkerFaultException($"worker did not answer '{op}' within {timeout.TotalSeconds:0.#} s and was killed (hang or too slow; raise the budget or use --quick){StderrTail()}");
        }
        if (line is null) throw await ExitedAsync(op);
        return Parse(line, id, op);
    }

    private JsonNode Parse(string line, long id, string op)
    {
        JsonObject? message;
        try
        {
            message = JsonNode.Parse(line) as JsonObject;
        }
        catch (JsonException)
        {
            message = null;
        }
        long? answered = null, peakRss = null;
        bool? ok = null;
        string? error = null;
        try
        {
            answered = message?["id"]?.GetValue<long>();
            ok = message?["ok"]?.GetValue<bool>();
            peakRss = message?["peakRssBytes"]?.GetValue<long>();
            error = message?["error"]?.GetValue<string>();
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException)
        {
            // A field of the wrong type (an id as text, ok as a number): the envelope is broken, said below.
            ok = null;
        }
        if (message is null || answered != id || ok is null)
        {
            Kill();
            var shown = line.Length > 120 ? line[..120] + "..." : line;
            throw new WorkerFaultException($"worker broke the protocol answering '{op}': expected a JSON response with id {id}, got \"{shown}\"");
        }
        LastPeakRssBytes = peakRss ?? LastPeakRssBytes;
        if (ok == false) throw new WorkerFaultException($"engine failed '{op}': {error ?? "no reason given"}");
        return message["result"] ?? new JsonObject();
    }

    private async Task<WorkerFaultException> ExitedAsync(string op)
    {
        lost = true;
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            await process.WaitForExitAsync(wait.Token);
        }
        catch (OperationCanceledException)
        {
            Kill();
        }
        var code = process.HasExited ? process.ExitCode.ToString(System.Globalization.CultureInfo.InvariantCulture) : "unknown";
        return new WorkerFaultException($"worker exited (code {code}) during '{op}'{StderrTail()}");
    }

    private string StderrTail() => stderr.ToString() is { Length: > 0 } tail ? $"; its stderr ends: {tail}" : "";

    private void Kill()
    {
        lost = true;
        try
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            try
            {
                await SendAsync(Ops.Shutdown, null, TimeSpan.FromSeconds(5), CancellationToken.None);
                using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await process.WaitForExitAsync(wait.Token);
            }
            catch (Exception e) when (e is WorkerFaultException or OperationCanceledException or IOException or InvalidOperationException)
            {
                // A worker that will not shut down cleanly is killed below.
            }
            Kill();
        }
        process.Dispose();
    }
}
