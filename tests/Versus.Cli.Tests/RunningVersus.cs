using System.Diagnostics;

namespace Versus.Cli.Tests;

/// <summary>
/// The real CLI left running while a test acts beside it: read its output up to a line, start another process, kill it
/// outright (SIGKILL, as power loss or the OOM killer would), or wait for it to end. Disposing kills it if it still runs.
/// </summary>
public sealed class RunningVersus : IDisposable
{
    private readonly Process process;
    private readonly Task<string> stderr;
    private readonly List<string> seen = [];

    private RunningVersus(Process process)
    {
        this.process = process;
        stderr = process.StandardError.ReadToEndAsync();
    }

    /// <summary>The process id: the pid a run folder's lock names.</summary>
    public int Id => process.Id;

    public static RunningVersus Start(params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "versus.dll"));
        foreach (var a in args) info.ArgumentList.Add(a);
        info.Environment["COLUMNS"] = "200";
        return new RunningVersus(Process.Start(info)!);
    }

    /// <summary>Reads standard output until a line that starts with <paramref name="prefix"/>; fails with what it printed if none comes.</summary>
    public async Task<string> WaitForLineAsync(string prefix, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            while (await process.StandardOutput.ReadLineAsync(cts.Token) is { } line)
            {
                seen.Add(line);
                if (line.StartsWith(prefix, StringComparison.Ordinal)) return line;
            }
        }
        catch (OperationCanceledException)
        {
        }
        Assert.Fail($"no line starting '{prefix}' within {timeout}; stdout:\n{string.Join('\n', seen)}\nstderr:\n{(process.HasExited ? await stderr : "")}");
        return "";
    }

    /// <summary>SIGKILL: the process ends where it stands, closing nothing.</summary>
    public async Task KillAsync()
    {
        process.Kill();
        await process.WaitForExitAsync();
    }

    /// <summary>Waits for the process to end; the output it printed after the lines already read.</summary>
    public async Task<VersusProcess.Result> WaitForExitAsync(TimeSpan timeout)
    {
        var rest = process.StandardOutput.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout);
        await process.WaitForExitAsync(cts.Token);
        return new VersusProcess.Result(process.ExitCode, string.Join('\n', [.. seen, await rest]), await stderr);
    }

    public void Dispose()
    {
        if (!process.HasExited) process.Kill(entireProcessTree: true);
        process.Dispose();
    }
}
