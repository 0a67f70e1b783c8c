using Versus.Core.Results;
using Versus.Reports.RunToRun;
using static Versus.Reports.Tests.RunToRun.HandMadeRuns;

namespace Versus.Reports.Tests.RunToRun;

public sealed class RunComparerTests
{
    private static readonly ComparisonOptions FivePercent = new(Threshold: 0.05);

    [Fact]
    public void Should_CallBSlower_When_TheTrainingStepTakesTwentyPercentLonger()
    {
        var a = Run("a", [Training("torchsharp", "depth-2", SampleSeries.Timings(1, 200, 30))]);
        var b = Run("b", [Training("torchsharp", "depth-2", SampleSeries.Timings(2, 200, 36))]);

        var step = Metric(RunComparer.Compare(a, b, FivePercent), MetricNames.TrainStep);

        Assert.Equal(ChangeVerdict.Slower, step.Verdict);
        Assert.InRange(step.Ratio.Ratio, 1.15, 1.25);
        Assert.True(step.Ratio.Low > 1.05, step.Ratio.ToString());
        Assert.True(step.AdjustedPValue < 1e-6);
    }

    [Fact]
    public void Should_CallBFaster_When_LatencyDropsOrThroughputRises()
    {
        var a = Run("a", [Latency("e", "w", SampleSeries.Timings(1, 100, 1.0)), Throughput("e", "v", SampleSeries.Timings(2, 30, 1000))]);
        var b = Run("b", [Latency("e", "w", SampleSeries.Timings(3, 100, 0.8)), Throughput("e", "v", SampleSeries.Timings(4, 30, 1300))]);

        var comparison = RunComparer.Compare(a, b, FivePercent);

        Assert.Equal(ChangeVerdict.Faster, Metric(comparison, MetricNames.LatencyBatch1).Verdict);
        var throughput = Metric(comparison, MetricNames.Throughput);
        Assert.Equal(ChangeVerdict.Faster, throughput.Verdict);
        Assert.InRange(throughput.Ratio.Ratio, 1.2, 1.4);
    }

    [Fact]
    public void Should_FlagNothing_When_BothRunsDrawFromTheSameDistribution()
    {
        var a = Run("a", [Training("t", "w", SampleSeries.Timings(1, 200, 30, spikes: 3)), Latency("t", "w", SampleSeries.Timings(2, 500, 0.4, 0.06, 5))]);
        var b = Run("b", [Training("t", "w", SampleSeries.Timings(3, 200, 30, spikes: 3)), Latency("t", "w", SampleSeries.Timings(4, 500, 0.4, 0.06, 5))]);

        var comparison = RunComparer.Compare(a, b, FivePercent);

        Assert.Equal(3, comparison.Metrics.Count);
        Assert.All(comparison.Metrics, m => Assert.Equal(ChangeVerdict.NoChange, m.Verdict));
        Assert.Empty(comparison.Differences);
        Assert.True(comparison.SameMachine);
    }

    [Fact]
    public void Should_LeaveAMetricUntested_When_ASideHasOneSample()
    {
        var a = Run("a", [Training("t", "w", SampleSeries.Timings(1, 50, 30))]);
        var b = Run("b", [Training("t", "w", SampleSeries.Timings(2, 50, 60))]);

        var total = Metric(RunComparer.Compare(a, b, FivePercent), MetricNames.TrainTotal);

        Assert.False(total.Tested);
        Assert.False(total.HasInterval);
        Assert.Null(total.PValue);
        Assert.Equal(ChangeVerdict.NoChange, total.Verdict);
        Assert.Equal(1, total.CountA);
    }

    [Fact]
    public void Should_NotCallAChange_When_ItIsOnlySignificantBeforeTheFamilyIsAccountedFor()
    {
        // 5 against 5 values, every B above every A by more than 5%: the exact two-sided Mann-Whitney p is 2/252 = 0.0079.
        double[] before = [10, 10.1, 10.2, 10.3, 10.4];
        double[] after = [12, 12.1, 12.2, 12.3, 12.4];
        var alone = RunComparer.Compare(Run("a", [Latency("e", "shifted", before)]), Run("b", [Latency("e", "shifted", after)]), FivePercent);
        // Nine unchanged metrics beside it (p = 1 each): Benjamini-Hochberg scales it to 0.0079 x 10 / 1 = 0.079, above 0.05.
        var unchanged = Enumerable.Range(1, 9).Select(i => Latency("e", $"same-{i}", before)).ToList();
        var family = RunComparer.Compare(Run("a", [Latency("e", "shifted", before), .. unchanged]),
            Run("b", [Latency("e", "shifted", after), .. unchanged]), FivePercent);

        var shiftedAlone = alone.Metrics.Single();
        var shiftedInFamily = family.Metrics.Single(m => m.Workload == "shifted");
        Assert.Equal(2.0 / 252, shiftedAlone.PValue!.Value, 6);
        Assert.Equal(ChangeVerdict.Slower, shiftedAlone.Verdict);
        Assert.Equal(2.0 / 252 * 10, shiftedInFamily.AdjustedPValue!.Value, 6);
        Assert.Equal(ChangeVerdict.NoChange, shiftedInFamily.Verdict);
    }

    [Fact]
    public void Should_KeepFalseDiscoveriesOut_When_ManyUnchangedMetricsAreTested()
    {
        // Forty unchanged metrics tested for any change at all (threshold 0): by chance alone some raw p-values fall below
        // 0.05; after Benjamini-Hochberg none is called a change, while one real 30% shift among them still is.
        var workloads = Enumerable.Range(1, 40).Select(i => $"w{i}").ToList();
        var a = Run("a", [.. workloads.Select((w, i) => Latency("e", w, SampleSeries.Timings((uint)(10 + i), 40, 1.0))),
            Latency("e", "moved", SampleSeries.Timings(1, 40, 1.0))]);
        var b = Run("b", [.. workloads.Select((w, i) => Latency("e", w, SampleSeries.Timings((uint)(100 + i), 40, 1.0))),
            Latency("e", "moved", SampleSeries.Timings(2, 40, 1.3))]);

        var comparison = RunComparer.Compare(a, b, new ComparisonOptions(Threshold: 0));

        var unchanged = comparison.Metrics.Where(m => m.Workload != "moved").ToList();
        Assert.Contains(unchanged, m => m.PValue < 0.05);
        Assert.All(unchanged, m => Assert.Equal(ChangeVerdict.NoChange, m.Verdict));
        Assert.Equal(ChangeVerdict.Slower, comparison.Metrics.Single(m => m.Workload == "moved").Verdict);
    }

    [Fact]
    public void Should_NameEachDifference_When_ThreadsEngineVersionAndWorkloadSpecDiffer()
    {
        var a = Run("a", [Training("t", "w", SampleSeries.Timings(1, 50, 30), Engine("t", threads: 1))], threads: 1);
        var b = Run("b", [Training("t", "w", SampleSeries.Timings(2, 50, 30), Engine("t", threads: 2, version: "2.11.0"))], threads: 2, batchSize: 32);

        var comparison = RunComparer.Compare(a, b, FivePercent);

        Assert.Equal(
        [
            new RunDifference(DifferenceKind.Threads, "threads", "1", "2"),
            new RunDifference(DifferenceKind.Engine, "t version", "2.10.0", "2.11.0", Engine: "t"),
            new RunDifference(DifferenceKind.Threads, "t threads", "1", "2", Engine: "t"),
            new RunDifference(DifferenceKind.Workload, "w batch size", "64", "32", Workload: "w"),
        ], comparison.Differences);
        Assert.All(comparison.Metrics, m => Assert.Equal(3, m.Differences.Count));
    }

    [Fact]
    public void Should_CompareOnlyWhatBothRunsMeasured_When_TheirWorkloadsOverlap()
    {
        var a = Run("a", [Latency("e", "x", SampleSeries.Timings(1, 30, 1)), Latency("e", "y", SampleSeries.Timings(2, 30, 1))]);
        var b = Run("b", [Latency("e", "y", SampleSeries.Timings(3, 30, 1)), Latency("e", "z", SampleSeries.Timings(4, 30, 1)),
            Latency("f", "y", SampleSeries.Timings(5, 30, 1))]);

        var comparison = RunComparer.Compare(a, b, FivePercent);

        Assert.Equal(["e y"], comparison.Metrics.Select(m => $"{m.Engine} {m.Workload}"));
    }

    [Fact]
    public void Should_CancelTheMachine_When_BothEnginesRunTwiceAsSlowOnAnother()
    {
        var fastMachine = Run("a", [Latency("torchsharp", "w", SampleSeries.Timings(1, 60, 0.5)), Latency("tfjs", "w", SampleSeries.Timings(2, 60, 1.5))]);
        var slowMachine = Run("b", [Latency("torchsharp", "w", SampleSeries.Timings(3, 60, 1.0)), Latency("tfjs", "w", SampleSeries.Timings(4, 60, 3.0))],
            Machine with { MachineName = "laptop", CpuModel = "Intel Core i5-8250U" });

        var comparison = RunComparer.Compare(fastMachine, slowMachine, FivePercent);

        Assert.False(comparison.SameMachine);
        Assert.All(comparison.Metrics, m => Assert.Equal(ChangeVerdict.Slower, m.Verdict));
        var engines = Assert.Single(comparison.EngineRatios);
        Assert.Equal(("tfjs", "torchsharp"), (engines.Engine, engines.Reference));
        Assert.InRange(engines.RatioA, 2.7, 3.3);
        Assert.InRange(engines.Change.Ratio, 0.9, 1.1);
        Assert.True(engines.Change.Low < 1 && engines.Change.High > 1, engines.Change.ToString());
        Assert.Contains(new RunDifference(DifferenceKind.Machine, "machine", "bench-01", "laptop"), comparison.Differences);
    }

    private static MetricChange Metric(RunComparison comparison, string name) => comparison.Metrics.Single(m => m.Metric == name);
}
