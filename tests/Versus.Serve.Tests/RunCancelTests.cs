using Versus.Cli;
using Versus.Serve.Hosting;
using Versus.Serve.Runs;

namespace Versus.Serve.Tests;

/// <summary>
/// Cancelling a run the dashboard started, when the dashboard itself was started in the background of a script: such a
/// process has SIGINT ignored, its children inherit that and .NET keeps it ignored, so a run asked to stop by SIGINT went
/// on to its end (CI's cancel test saw the run complete and open its report). The child here is the real 'versus run'
/// started with SIGINT ignored, as it would be under 'nohup versus serve &amp;'.
/// </summary>
public sealed class RunCancelTests
{
    [Fact]
    public async Task Should_StoreTheRunCancelled_When_TheChildIgnoresSigint()
    {
        using var folder = new TempDirectory();
        var self = SelfLaunch.Context().Self;
        var launcher = new RunLauncher("bash", ["-c", "trap '' INT; exec \"$@\"", "bash", self.FileName, .. self.Arguments]);
        await using var supervisor = new RunSupervisor(launcher);
        var (run, refusal) = supervisor.TryStart(["run", "--engines", "torchsharp", "--workloads", "depth-2", "--quick", "--no-deploy",
            "--out", folder.File("out"), "--db", folder.File("results.db")]);
        Assert.True(run is not null, refusal);

        // Cancel once the first measurement has started, as the live page's button would.
        using var patience = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var seen = 0;
        while (run.Index < 1 && !run.IsFinished)
        {
            await run.WaitForEventsAsync(seen, patience.Token);
            seen = run.EventsAfter(0).Count;
        }
        run.Cancel();
        await run.Completion.WaitAsync(TimeSpan.FromMinutes(2));

        var lines = string.Join("\n", run.EventsAfter(0).Select(e => e.Text));
        Assert.True(run.ExitCode == 130, $"exit {run.ExitCode}:\n{lines}");
        Assert.StartsWith("Run cancelled", run.EventsAfter(0)[^1].Text, StringComparison.Ordinal);
    }
}
