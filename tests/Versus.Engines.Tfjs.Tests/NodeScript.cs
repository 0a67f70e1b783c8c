using System.Diagnostics;

namespace Versus.Engines.Tfjs.Tests;

/// <summary>Runs a short JavaScript program with the worker's own modules (lib/*.js) and returns what it printed.</summary>
internal static class NodeScript
{
    public static async Task<string> RunAsync(string script)
    {
        var info = new ProcessStartInfo("node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = TfjsTestEnvironment.WorkerFolder,
        };
        info.ArgumentList.Add("-e");
        info.ArgumentList.Add(script);
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, $"node exited with {process.ExitCode}: {await stderr}");
        return (await stdout).Trim();
    }
}
