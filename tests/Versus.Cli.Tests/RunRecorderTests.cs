using Versus.Cli.Output;
using Versus.Core.Results;
using Versus.Testing;

namespace Versus.Cli.Tests;

/// <summary>Each finished result reaches results.json first, so a failing store cannot lose it.</summary>
public sealed class RunRecorderTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task Should_KeepEveryMeasurementInResultsJsonAndLeaveTheStoreAlone_When_TheStoreFails()
    {
        var run = HandmadeRun.Of("20990101-full", "running", temp.File("full")) with { Measurements = [] };
        var store = new FailingStore();
        var output = new RunOutput(temp.File("full"));
        Directory.CreateDirectory(output.Directory);
        var recorder = new RunRecorder(output, store, run, []);
        await recorder.BeginAsync(inStore: false);

        await recorder.AddAsync(HandmadeRun.Measurement("20990101-full/a", MeasurementKind.MachinePeak));
        await recorder.AddAsync(HandmadeRun.Measurement("20990101-full/b", MeasurementKind.Training));
        await recorder.FinishAsync(recorder.Current with { Status = RunState.Completed.Wire(), FinishedAt = DateTimeOffset.UtcNow });

        // Tried once: after the store failed, the run's other results go to results.json only.
        Assert.Equal(1, store.Attempts);
        Assert.Equal(3, recorder.StoreFailures);
        var written = ResultsJson.Deserialize<RunResults>(File.ReadAllText(output.ResultsPath));
        Assert.Equal(["20990101-full/a", "20990101-full/b"], written.Measurements.Select(m => m.Id));
        Assert.Equal("completed", written.Status);
    }
}
