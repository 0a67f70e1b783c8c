using System.Diagnostics;

namespace Versus.Cli.Tests;

/// <summary>Runs the real CLI (versus.dll from this test's output) as a child process, as a user would.</summary>
public static class VersusProcess
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr);

    public static Task<Result> RunAsync(TimeSpan timeout, params string[] args) => RunAsync(timeout, new Dictionary<string, string>(), args);

    /// <param name="environment">Variables to set for the child on top of this process's own.</param>
    public static Task<Result> RunAsync(TimeSpan timeout, IReadOnlyDictionary<string, string> environment, params string[] args) =>
        RunThroughAsync(timeout, [], environment, args);

    /// <param name="wrapper">A command that runs "dotnet versus.dll ..." for the test, such as setpriv as another user; empty for none.</param>
    /// <param name="environment">Variables to set for the child on top of this process's own.</param>
    public static async Task<Result> RunThroughAsync(TimeSpan timeout, IReadOnlyList<string> wrapper, IReadOnlyDictionary<string, string> environment,
        params string[] args)
    {
        var info = new ProcessStartInfo(wrapper.Count > 0 ? wrapper[0] : "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (wrapper.Count > 0)
        {
            foreach (var w in wrapper.Skip(1)) info.ArgumentList.Add(w);
            info.ArgumentList.Add("dotnet");
        }
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "versus.dll"));
        foreach (var a in args) info.ArgumentList.Add(a);
        info.Environment["COLUMNS"] = "200";
        foreach (var (name, value) in environment) info.Environment[name] = value;
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
            throw new TimeoutException($"versus {string.Join(' ', args)} did not finish within {timeout}; stdout so far: {await stdout}");
        }
        return new Result(process.ExitCode, await stdout, await stderr);
    }
}
