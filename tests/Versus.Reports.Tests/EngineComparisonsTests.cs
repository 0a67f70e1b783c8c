using Versus.Core.Engines;
using Versus.Core.Results;
using Versus.Core.Statistics;
using Versus.Reports.Analysis;

namespace Versus.Reports.Tests;

public sealed class EngineComparisonsTests
{
    [Fact]
    public void Should_CompareEveryPair_When_ThreeEnginesMeasuredTheSameMetric()
    {
        var measurements = new[] { ("a", 1.0), ("b", 2.0), ("c", 4.0) }
            .Select((e, i) => Inference(e.Item1, SampleSeries.Timings((uint)i + 1, 50, e.Item2), [1000 / e.Item2]))
            .ToList();

        var latency = EngineComparisons.Compute(measurements).Where(c => c.Metric == MetricNames.LatencyBatch1).ToList();

        Assert.Equal(["a/b", "a/c", "b/c"], latency.Select(c => $"{c.Faster}/{c.Slower}"));
        Assert.All(latency, c => Assert.True(c.IsClear && c.Ratio.Ratio > 1.8, $"{c.Faster} vs {c.Slower}: {c.Ratio}"));
    }

    [Fact]
    public void Should_PutTheHigherThroughputFirst_When_MoreIsBetter()
    {
        var fast = Inference("fast", SampleSeries.Timings(1, 20, 1.0), SampleSeries.Timings(2, 10, 9000));
        var slow = Inference("slow", SampleSeries.Timings(3, 20, 3.0), SampleSeries.Timings(4, 10, 3000));

        var throughput = EngineComparisons.Compute([slow, fast]).Single(c => c.Metric == MetricNames.Throughput);

        Assert.Equal("fast", throughput.Faster);
        Assert.Equal(MedianRatio.Bootstrap(fast.Metric(MetricNames.Throughput)!.Samples, slow.Metric(MetricNames.Throughput)!.Samples), throughput.Ratio);
    }

    [Fact]
    public void Should_GiveNoInterval_When_ASideHasASingleSample()
    {
        var a = Inference("a", [1.0], [1000]);
        var b = Inference("b", SampleSeries.Timings(1, 20, 2.0), [500]);

        var latency = EngineComparisons.Compute([a, b]).Single(c => c.Metric == MetricNames.LatencyBatch1);

        Assert.False(latency.HasInterval);
        Assert.False(latency.IsClear);
    }

    [Fact]
    public void Should_SayWhatRanEachSide_When_TwoEnginesAreCompared()
    {
        static EngineInfo Info(string id, string backend, string device, int threads, ThreadControl control) =>
            new(id, id, "1", backend, "host", threads, new Dictionary<string, string> { [EngineDevice.DeviceKey] = device }, control);
        var torch = Inference("torch", SampleSeries.Timings(1, 20, 1.0), [1000]) with
        {
            EngineInfo = Info("torch", "cpu", "CPU: test", 2, ThreadControl.Applied),
        };
        var tfjs = Inference("tfjs", SampleSeries.Timings(2, 20, 3.0), [300]) with
        {
            EngineInfo = Info("tfjs", "webgl", "llvmpipe", 2, ThreadControl.NotCpuThreads),
        };

        var latency = EngineComparisons.Compute([tfjs, torch]).Single(c => c.Metric == MetricNames.LatencyBatch1);

        Assert.Equal(new ComparedSide("torch", "cpu", "CPU: test", 2, ThreadControl.Applied), latency.FasterSide);
        Assert.Equal(new ComparedSide("tfjs", "webgl", "llvmpipe", 2, ThreadControl.NotCpuThreads), latency.SlowerSide);
    }

    [Fact]
    public void Should_GiveNoIntervalAndSaySo_When_BothSidesHaveFewerSamplesThanTheMinimum()
    {
        var a = Inference("a", SampleSeries.Timings(1, 9, 1.0), [1000]);
        var b = Inference("b", SampleSeries.Timings(2, 9, 3.0), [500]);

        var latency = EngineComparisons.Compute([a, b]).Single(c => c.Metric == MetricNames.LatencyBatch1);

        Assert.False(latency.HasInterval);
        Assert.Null(latency.Ratio.Low);
        Assert.Null(latency.Ratio.High);
        Assert.False(latency.IsClear);
        Assert.EndsWith("(no interval: fewer than 10 samples on a side)", Versus.Reports.Sections.ComparisonSection.Sentence(latency));
    }

    private static MeasurementRecord Inference(string engine, IReadOnlyList<double> latencyMs, IReadOnlyList<double> throughput) =>
        new($"{engine}-w-inference", engine, null, "w", MeasurementKind.Inference, MeasurementStatus.Ok, null, StopReason.IntervalReached,
            SampleRun.Start, SampleRun.Start.AddSeconds(10), null, "generated",
            [MetricRecord.From(MetricNames.LatencyBatch1, "ms", latencyMs), MetricRecord.From(MetricNames.Throughput, "images/s", throughput)], []);
}
