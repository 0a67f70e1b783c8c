using Versus.Core.Measurement;
using Versus.Core.Planning;
using Versus.Core.Results;
using Xunit.Abstractions;

namespace Versus.Cli.Tests;

/// <summary>
/// Cold start on real engines in real worker processes, two trials each: the parent's elapsed time from spawn to the
/// first prediction's result is at least the sum of the parts the worker timed, every part is there for every engine,
/// and the weight file was read from disk (dropped from the page cache before each spawn).
/// </summary>
public sealed class ColdStartTests : IDisposable
{
    private static readonly string[] Parts =
        [MetricNames.ColdProcessStart, MetricNames.ColdEngineLoad, MetricNames.ColdModelBuild, MetricNames.ColdFirstPrediction];

    private readonly TempDirectory temp = new();
    private readonly ITestOutputHelper output;

    public ColdStartTests(ITestOutputHelper output) => this.output = output;

    public void Dispose() => temp.Dispose();

    [SkippableTheory]
    [InlineData("torchsharp")]
    [InlineData("onnxruntime")]
    [InlineData("tfjs:cpu")]
    [InlineData("tfjs:webgl")]
    public async Task Should_MeasureColdStartAtLeastTheSumOfItsParts_When_AnEngineStartsFresh(string engineId)
    {
        var record = await MeasureInference(engineId);

        Assert.True(record.Status == MeasurementStatus.Ok, $"{engineId}: {record.Status}: {record.Reason}");
        var total = record.Metric(MetricNames.ColdStart)!.Samples;
        Assert.Equal(2, total.Count);
        var parts = Parts.Select(name => record.Metric(name)?.Samples ?? throw new Xunit.Sdk.XunitException($"{engineId} has no {name}")).ToList();
        for (var trial = 0; trial < total.Count; trial++)
        {
            var sum = parts.Sum(p => p[trial]);
            output.WriteLine($"{engineId} trial {trial + 1}: cold start {total[trial]:0.0} ms = "
                + string.Join(" + ", Parts.Select((name, i) => $"{name[(name.LastIndexOf('.') + 1)..]} {parts[i][trial]:0.0}"))
                + $" + unattributed {total[trial] - sum:0.0} ms (dataset load {record.Metric(MetricNames.ColdDataLoad)!.Samples[trial]:0.0} ms excluded)");
            Assert.True(total[trial] >= sum, $"{engineId} trial {trial + 1}: cold start {total[trial]} ms < parts {sum} ms");
            Assert.All(parts, p => Assert.True(p[trial] > 0, $"{engineId} trial {trial + 1}: a part is {p[trial]} ms"));
            Assert.Equal(total[trial] - sum, record.Metric(MetricNames.ColdUnattributed)!.Samples[trial], 6);
        }
        Assert.Equal([0.0, 0.0], record.Metric(MetricNames.ColdWeightsCached)!.Samples);
    }

    private async Task<MeasurementRecord> MeasureInference(string engineId)
    {
        var engine = EngineCatalog.Find(engineId)!;
        var (workloads, errors) = WorkloadCatalog.Locate().Resolve(["small-cnn-28"]);
        Assert.Empty(errors);
        // Short warm budgets: this test is about cold start, which every profile measures in full.
        var profile = MeasurementProfile.Quick with
        {
            ColdStartTrials = 2, MinSamples = 3, LatencyBudget = TimeSpan.FromMilliseconds(300),
            ThroughputBudget = TimeSpan.FromMilliseconds(300), TrainCount = 256, TestCount = 64,
        };
        var settings = new RunSettings([engine], workloads, profile, 1, 7, null, temp.Path, ["small-cnn-28"]);
        var plan = await RunPlanner.PlanAsync(settings, SelfLaunch.Context(), CancellationToken.None);
        var planned = plan.Measurements.Single(m => m.Task.Kind == MeasurementKind.Inference);
        Skip.If(planned.SkipReason is not null && engineId.StartsWith("tfjs", StringComparison.Ordinal), planned.SkipReason);
        Assert.Null(planned.SkipReason);
        return await MeasurementRunner.RunAsync(planned.Task, new MachinePeaks(), CancellationToken.None);
    }
}
