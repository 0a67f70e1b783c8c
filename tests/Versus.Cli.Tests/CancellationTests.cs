using System.Diagnostics;
using Versus.Core.Results;
using Versus.Store;

namespace Versus.Cli.Tests;

public sealed class CancellationTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task Should_CloseTheRunAsCancelledAndKeepFinishedResults_When_Terminated()
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { Path.Combine(AppContext.BaseDirectory, "versus.dll"), "run", "--quick", "--engines", "torchsharp", "--workloads", "small-cnn-28,cnn-64",
                     "--out", temp.File("out"), "--db", temp.File("results.db") })
            info.ArgumentList.Add(a);
        using var process = Process.Start(info)!;
        var stderr = process.StandardError.ReadToEndAsync();
        // Wait until the first measurement (the machine peak) is stored, then terminate in the middle of the next one.
        while (await process.StandardOutput.ReadLineAsync() is { } line && !line.Contains("[1/5] torchsharp machine fp32 matmul peak:", StringComparison.Ordinal)) { }
        using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])) await kill.WaitForExitAsync();
        var rest = process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);

        Assert.True(process.ExitCode == 130, $"exit {process.ExitCode}: {await rest} {await stderr}");
        var results = ResultsJson.Deserialize<RunResults>(await File.ReadAllTextAsync(Path.Combine(temp.File("out"), "results.json")));
        Assert.Equal("cancelled", results.Status);
        Assert.Contains(results.Measurements, m => m is { Kind: MeasurementKind.MachinePeak, Status: MeasurementStatus.Ok });
        Assert.True(File.Exists(Path.Combine(temp.File("out"), "report.md")));
        await using var store = await SqliteResultStore.OpenAsync(temp.File("results.db"));
        var stored = Assert.Single(await store.ListRunsAsync(5));
        Assert.Equal("cancelled", stored.Status);
        Assert.True(stored.Measurements.Ok >= 1);
    }
}
