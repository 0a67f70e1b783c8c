using System.Diagnostics;
using System.Text;

namespace Versus.Store.Tests;

/// <summary>One Versus.Store.Writer child process (built beside this test assembly), its output kept for messages.</summary>
internal sealed class Writer : IDisposable
{
    private readonly StringBuilder output = new();

    private Writer(Process process) => Process = process;

    public Process Process { get; }

    public static Writer Start(string db, string runId, int measurements, int number, string goFile)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Versus.Store.Writer.dll"));
        foreach (var a in new[] { db, runId, measurements.ToString(System.Globalization.CultureInfo.InvariantCulture),
                     number.ToString(System.Globalization.CultureInfo.InvariantCulture), goFile })
        {
            info.ArgumentList.Add(a);
        }

        var writer = new Writer(Process.Start(info)!);
        writer.Process.OutputDataReceived += (_, e) => writer.Append(e.Data);
        writer.Process.ErrorDataReceived += (_, e) => writer.Append(e.Data);
        writer.Process.BeginOutputReadLine();
        writer.Process.BeginErrorReadLine();
        return writer;
    }

    public string Output()
    {
        lock (output) return output.ToString().Trim();
    }

    /// <returns>The exit code and everything the writer printed.</returns>
    public async Task<(int ExitCode, string Output)> ExitAsync(TimeSpan limit)
    {
        using var cts = new CancellationTokenSource(limit);
        await Process.WaitForExitAsync(cts.Token);
        return (Process.ExitCode, Output());
    }

    public void Dispose()
    {
        if (!Process.HasExited) Process.Kill(entireProcessTree: true);
        Process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (output) output.AppendLine(line);
    }
}
