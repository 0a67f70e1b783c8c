using System.Diagnostics;
using Versus.Serve.Hosting;

namespace Versus.Serve.Runs;

/// <summary>
/// Starts 'versus run' as a child process, one at a time: two runs at once would each measure the other's load. The
/// child gets an argument list (no shell) and writes to the same store the dashboard reads.
/// </summary>
public sealed class RunSupervisor(RunLauncher launcher) : IAsyncDisposable
{
    private readonly Lock gate = new();

    /// <summary>The run in progress, or the last one (finished) so its page can still show how it ended.</summary>
    public ActiveRun? Current { get; private set; }

    /// <summary>The started run, or null and why not (one is already running, or the program could not start).</summary>
    public (ActiveRun? Run, string? Refusal) TryStart(IReadOnlyList<string> arguments)
    {
        lock (gate)
        {
            if (Current is { IsFinished: false } running)
                return (null, $"A run is already in progress{(running.RunId is null ? "" : $" ({running.RunId})")}: one run at a time, so neither measures the other's load. Wait for it or cancel it.");
            var info = new ProcessStartInfo(launcher.FileName)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                RedirectStandardInput = true,
                UseShellExecute = false,
            };
            foreach (var a in launcher.Arguments) info.ArgumentList.Add(a);
            foreach (var a in arguments) info.ArgumentList.Add(a);
            // Plain progress lines, never a live terminal display.
            info.Environment["NO_COLOR"] = "1";
            info.Environment["TERM"] = "dumb";
            Process process;
            try
            {
                process = Process.Start(info) ?? throw new InvalidOperationException("no process");
            }
            catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
            {
                return (null, $"versus could not be started ({e.Message}).");
            }
            var run = new ActiveRun(process, arguments);
            run.Completion = PumpAsync(process, run);
            Current = run;
            return (run, null);
        }
    }

    private static async Task PumpAsync(Process process, ActiveRun run)
    {
        process.StandardInput.Close();
        var output = ReadLinesAsync(process.StandardOutput, run);
        var errors = ReadLinesAsync(process.StandardError, run);
        await Task.WhenAll(output, errors);
        await process.WaitForExitAsync();
        run.OnExit(process.ExitCode);
        process.Dispose();
    }

    private static async Task ReadLinesAsync(StreamReader reader, ActiveRun run)
    {
        while (await reader.ReadLineAsync() is { } line)
        {
            if (line.Length > 0) run.OnLine(line.Length > 2000 ? line[..2000] + "…" : line);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Current is not { IsFinished: false } run) return;
        run.Cancel();
        await Task.WhenAny(run.Completion, Task.Delay(TimeSpan.FromSeconds(10)));
        run.Kill();
    }
}
