using System.Diagnostics;
using Versus.Core.Results;
using Versus.Store;
using Versus.Testing;

namespace Versus.Cli.Tests;

/// <summary>A run that cannot go on for a reason outside any one measurement still ends, as "failed", and can be resumed.</summary>
public sealed class FailedRunTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task Should_CloseTheRunAsFailedWithEveryFinishedMeasurementStored_When_ItsFolderVanishesMidRun()
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { Path.Combine(AppContext.BaseDirectory, "versus.dll"), "run", "--quick", "--engines", "torchsharp", "--workloads", "small-cnn-28",
                     "--no-deploy", "--out", temp.File("out"), "--db", temp.File("results.db") })
            info.ArgumentList.Add(a);
        using var process = Process.Start(info)!;
        var stderr = process.StandardError.ReadToEndAsync();
        // The first measurement is kept; then the run's folder (results.json, the workloads' weights) disappears.
        while (await process.StandardOutput.ReadLineAsync() is { } line && !line.StartsWith("[1/3] torchsharp machine fp32 matmul peak:", StringComparison.Ordinal)) { }
        Directory.Delete(temp.File("out"), recursive: true);
        var rest = process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        await process.WaitForExitAsync(timeout.Token);

        Assert.True(process.ExitCode == 70, $"exit {process.ExitCode}: {await rest} {await stderr}");
        Assert.Contains("the run failed outside any one measurement", await stderr);
        Assert.DoesNotContain("   at ", await stderr);
        await using var store = await SqliteResultStore.OpenAsync(temp.File("results.db"));
        var run = Assert.Single(await store.ListRunsAsync(5));
        Assert.Equal(RunState.Failed.Wire(), run.Status);
        var stored = (await store.LoadRunAsync(run.RunId))!;
        Assert.Equal(2, stored.Measurements.Count);
        Assert.Equal(MeasurementStatus.Ok, stored.Measurements[0].Status);
    }
}
