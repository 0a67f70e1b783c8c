using System.Diagnostics;

namespace Versus.Serve.Runs;

/// <summary>
/// One child 'versus run' and everything it has said so far. Its output lines become <see cref="RunEvent"/>s that any
/// number of live pages read from a sequence number on; <see cref="WaitForEventsAsync"/> wakes them when more arrive.
/// </summary>
public sealed class ActiveRun
{
    /// <summary>How long a cancelled run gets to close itself (stop its worker, store "cancelled") before it is killed.</summary>
    private static readonly TimeSpan CancelGrace = TimeSpan.FromSeconds(30);

    private readonly Process process;
    private readonly List<RunEvent> events = [];
    private readonly Lock gate = new();
    private TaskCompletionSource changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    internal ActiveRun(Process process, IReadOnlyList<string> arguments)
    {
        this.process = process;
        Arguments = arguments;
    }

    public IReadOnlyList<string> Arguments { get; }

    public string? RunId { get; private set; }

    public int Index { get; private set; }

    public int? Total { get; private set; }

    public bool IsFinished { get; private set; }

    public bool CancelRequested { get; private set; }

    public int? ExitCode { get; private set; }

    /// <summary>Ended by itself with every measurement done, failed ones included (exit 0 or 1): its report is the thing to read.</summary>
    public bool RanToEnd => ExitCode is 0 or 1;

    /// <summary>Completes when the child has exited and its last line is an event.</summary>
    public Task Completion { get; internal set; } = Task.CompletedTask;

    public IReadOnlyList<RunEvent> EventsAfter(int sequence)
    {
        lock (gate) return [.. events.Where(e => e.Sequence > sequence)];
    }

    public Task WaitForEventsAsync(int sequence, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            if (events.Count > 0 && events[^1].Sequence > sequence) return Task.CompletedTask;
            return changed.Task.WaitAsync(cancellationToken);
        }
    }

    /// <summary>Asks the child to stop as Ctrl+C would (<see cref="ChildSignal"/>), then kills it if it has not closed itself within the grace period.</summary>
    public void Cancel()
    {
        lock (gate)
        {
            if (IsFinished || CancelRequested) return;
            CancelRequested = true;
        }
        Add(RunEventKind.Line, "Cancelling: the measurement in flight is abandoned, finished ones are kept.");
        if (!ChildSignal.Stop(process.Id)) Kill();
        _ = Task.Delay(CancelGrace).ContinueWith(_ => Kill(), TaskScheduler.Default);
    }

    internal void Kill()
    {
        try
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Exited between the check and the kill.
        }
    }

    internal void OnLine(string line)
    {
        var (kind, index, total, runId) = ProgressLine.Parse(line);
        lock (gate)
        {
            if (runId is not null) RunId = runId;
            if (total is not null) Total = total;
            if (index is not null && kind == RunEventKind.Measuring) Index = index.Value;
        }
        Add(kind, line, index, total, runId);
    }

    internal void OnExit(int exitCode)
    {
        lock (gate)
        {
            ExitCode = exitCode;
            IsFinished = true;
        }
        Add(RunEventKind.Finished, Outcome(exitCode), Index, Total, RunId);
    }

    private string Outcome(int exitCode) => exitCode switch
    {
        0 => "Run completed: every measurement finished.",
        1 => "Run completed with failures: some measurements failed; the others are stored and reported.",
        130 => "Run cancelled: the finished measurements are stored.",
        2 => "The run was refused (bad input); see the lines above.",
        _ => CancelRequested ? "Run stopped." : $"The run ended with exit code {exitCode}.",
    };

    private void Add(RunEventKind kind, string text, int? index = null, int? total = null, string? runId = null)
    {
        TaskCompletionSource wake;
        lock (gate)
        {
            events.Add(new RunEvent(events.Count + 1, kind, text, index, total, runId ?? RunId));
            wake = changed;
            changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        wake.TrySetResult();
    }
}
