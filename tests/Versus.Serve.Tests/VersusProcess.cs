using System.Diagnostics;

namespace Versus.Serve.Tests;

/// <summary>The real CLI (versus.dll beside these tests) as a child process, as a user would start it.</summary>
internal static class VersusProcess
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr);

    public static async Task<Result> RunAsync(TimeSpan timeout, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "versus.dll"));
        foreach (var a in args) info.ArgumentList.Add(a);
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"versus {string.Join(' ', args)} did not exit within {timeout}: it should have refused; stdout: {await stdout}");
        }
        return new Result(process.ExitCode, await stdout, await stderr);
    }
}
