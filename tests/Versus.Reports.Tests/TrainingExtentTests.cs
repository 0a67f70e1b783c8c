using Versus.Core.Results;
using Versus.Reports.Analysis;

namespace Versus.Reports.Tests;

/// <summary>
/// Training outcomes are compared like for like: two engines that trained different numbers of epochs or images (a budget
/// cut one short) are not ranked on time to target, and the training-outcome table says they differ.
/// </summary>
public sealed class TrainingExtentTests
{
    [Fact]
    public void Should_NotCompareTimeToTarget_When_EnginesTrainedDifferentEpochs()
    {
        var run = WithExtents((3, 24_576), (1, 8_192));

        var training = EngineComparisons.Compute(run).Where(c => c.Workload == "small-cnn-28" && c.Kind == MeasurementKind.Training).ToList();

        Assert.DoesNotContain(training, c => c.Metric == MetricNames.TrainTimeToAccuracy);
        Assert.Contains(training, c => c.Metric == MetricNames.TrainStep);
    }

    [Fact]
    public void Should_NotCompareTimeToTarget_When_EnginesTrainedTheSameEpochsOnDifferentImages()
    {
        var run = WithExtents((3, 24_576), (3, 6_144));

        Assert.DoesNotContain(EngineComparisons.Compute(run), c => c.Workload == "small-cnn-28" && c.Metric == MetricNames.TrainTimeToAccuracy);
    }

    [Fact]
    public void Should_CompareTimeToTarget_When_EnginesTrainedTheSameEpochsAndImages()
    {
        var run = WithExtents((3, 24_576), (3, 24_576));

        var time = EngineComparisons.Compute(run).Single(c => c.Workload == "small-cnn-28" && c.Metric == MetricNames.TrainTimeToAccuracy);

        Assert.Equal(("alpha", "beta"), (time.Faster, time.Slower));
    }

    [Fact]
    public void Should_FlagTheOutcomeTable_When_EnginesTrainedDifferentEpochs()
    {
        var report = new MarkdownReport().Render(WithExtents((3, 24_576), (1, 8_192)));

        Assert.Contains("**Not like for like** on `small-cnn-28`: `alpha` trained 3 epochs, 24576 images, `beta` trained 1 epoch, 8192 images.", report);
        var table = RenderedTable.Under(report, "Training outcome")!;
        var beta = table.Rows.Single(r => r[0] == "`beta`" && r[1] == "small-cnn-28");
        Assert.Equal("1 epoch of 3 planned, 8192 images", table.Cell(beta, "Trained"));
    }

    [Fact]
    public void Should_NotFlagTheOutcomeTable_When_EnginesTrainedAlike()
    {
        var report = new MarkdownReport().Render(WithExtents((3, 24_576), (3, 24_576)));

        Assert.DoesNotContain("Not like for like", report);
    }

    /// <summary>The sample run with alpha's and beta's small-cnn-28 training at the given extents, both reaching the target.</summary>
    private static RunResults WithExtents((int Epochs, long Images) alpha, (int Epochs, long Images) beta)
    {
        var run = SampleRun.TwoEngines();
        MeasurementRecord Extended(MeasurementRecord m, (int Epochs, long Images) extent, double timeToTarget) => m with
        {
            Metrics =
            [
                .. m.Metrics.Where(x => x.Name is not (MetricNames.TrainTimeToAccuracy or MetricNames.TrainEpoch)),
                MetricRecord.From(MetricNames.TrainEpoch, "s", [.. Enumerable.Repeat(5.0, extent.Epochs)]),
                MetricRecord.Single(MetricNames.TrainTimeToAccuracy, "s", timeToTarget),
                MetricRecord.Single(MetricNames.TrainEpochs, "count", extent.Epochs),
                MetricRecord.Single(MetricNames.TrainImages, "count", extent.Images),
            ],
        };
        var a = SampleRun.Find(run, "alpha", "small-cnn-28", MeasurementKind.Training);
        var b = SampleRun.Find(run, "beta", "small-cnn-28", MeasurementKind.Training);
        return run with
        {
            Measurements = [.. run.Measurements.Select(m => m == a ? Extended(a, alpha, 8.4) : m == b ? Extended(b, beta, 12.0) : m)],
        };
    }
}
