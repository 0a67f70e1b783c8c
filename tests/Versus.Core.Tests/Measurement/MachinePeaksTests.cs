using Versus.Core.Engines;
using Versus.Core.Measurement;
using Versus.Core.Results;
using Versus.Core.Statistics;

namespace Versus.Core.Tests.Measurement;

/// <summary>Which measured peak a figure is a share of: the best on the same device, none on a software renderer.</summary>
public sealed class MachinePeaksTests
{
    private const string Cpu = "CPU: AMD EPYC";
    private const string Llvmpipe = "llvmpipe (LLVM 15.0.6, 256 bits), a software renderer";

    [Fact]
    public void Should_PickTheBestPeakOnTheDevice_When_SeveralEnginesMeasuredOne()
    {
        var peaks = MachinePeaks.From([Peak("torchsharp", Cpu, "cpu", 150), Peak("onnxruntime", Cpu, "cpu", 160), Peak("tfjs", Cpu, "cpu", 20)]);

        var peak = peaks.For(Engine("torchsharp", Cpu, "cpu"));

        // The attainable rate: 12 calls at 160 -0.01/0/+0.01, the 90th percentile lies among the four at 160.01.
        Assert.Equal(160.01, peak!.Gflops, 6);
        Assert.Equal("onnxruntime", peak.Source.Engine);
    }

    [Fact]
    public void Should_GiveNoPeakAndSayWhy_When_TheEngineRanOnASoftwareRenderer()
    {
        var peaks = MachinePeaks.From([Peak("torchsharp", Cpu, "cpu", 150), Peak("tfjs:webgl", Llvmpipe, "software-gpu", 40)]);
        var webgl = Engine("tfjs:webgl", Llvmpipe, "software-gpu");

        Assert.Null(peaks.For(webgl));
        Assert.Contains("runs its GPU API on the CPU", peaks.WhyNone(webgl), StringComparison.Ordinal);
    }

    [Fact]
    public void Should_GiveNoPeak_When_NoPeakWasMeasuredOnThatDevice()
    {
        var peaks = MachinePeaks.From([Peak("torchsharp", Cpu, "cpu", 150)]);
        var gpu = Engine("tfjs:webgl", "NVIDIA H200", "gpu");

        Assert.Null(peaks.For(gpu));
        Assert.Equal("no matrix-product peak was measured on NVIDIA H200 in this run", peaks.WhyNone(gpu));
    }

    [Fact]
    public void Should_IgnoreFailedPeaksAndOtherKinds_When_Observing()
    {
        var failed = Peak("onnxruntime", Cpu, "cpu", 500) with { Status = MeasurementStatus.Failed };
        var inference = Peak("tfjs", Cpu, "cpu", 900) with { Kind = MeasurementKind.Inference };

        var peaks = MachinePeaks.From([failed, inference, Peak("torchsharp", Cpu, "cpu", 150)]);

        Assert.Equal(150.01, Assert.Single(peaks.All).Gflops, 6);
    }

    [Fact]
    public void Should_GiveTheShareOfTheBestPeak_When_TheFigureIsBelowIt()
    {
        var peaks = MachinePeaks.From([Peak("onnxruntime", Cpu, "cpu", 200)]);

        var share = PeakShare.Metric(MetricNames.InferPeakShare, [50, 100, 150], Engine("torchsharp", Cpu, "cpu"), peaks);

        // 100 GFLOP/s of the 200.01 attainable: just under a half.
        Assert.Equal(0.49998, share.Summary!.Median, 4);
        Assert.StartsWith("share of onnxruntime's 200 GFLOP/s fp32 matrix-product peak on CPU: AMD EPYC", share.Note);
    }

    [Fact]
    public void Should_KeepTheShareAndSayThePeakIsNoCeiling_When_TheFigureBeatsThePeak()
    {
        var peaks = MachinePeaks.From([Peak("torchsharp", Cpu, "cpu", 100)]);

        // A median of 120 GFLOP/s against a 100.01 GFLOP/s peak: the best timed product is not the kernels' ceiling.
        var share = PeakShare.Metric(MetricNames.TrainPeakShare, [110, 120, 130], Engine("torchsharp", Cpu, "cpu"), peaks);

        Assert.Equal(1.19988, share.Summary!.Median, 4);
        Assert.StartsWith("share of torchsharp's 100 GFLOP/s fp32 matrix-product peak on CPU: AMD EPYC", share.Note);
        Assert.EndsWith("; above 100%: this workload's kernels ran faster than the best timed matrix product, so that peak is a measured "
            + "rate, not this device's ceiling (fewer product sizes are timed with --quick; a peak timed while the machine was busier reads low)", share.Note);
    }

    [Fact]
    public void Should_SayNothingOfTheCeiling_When_OnlySomeSamplesBeatThePeak()
    {
        var peaks = MachinePeaks.From([Peak("torchsharp", Cpu, "cpu", 100)]);

        var share = PeakShare.Metric(MetricNames.TrainPeakShare, [80, 90, 95, 105], Engine("torchsharp", Cpu, "cpu"), peaks);

        Assert.True(share.Summary!.Median < 1);
        Assert.DoesNotContain("above 100%", share.Note, StringComparison.Ordinal);
    }

    private static EngineInfo Engine(string id, string device, string kind) =>
        new(id, id, "1.0", "cpu", "test", 2, new Dictionary<string, string> { [EngineDevice.DeviceKey] = device, [EngineDevice.KindKey] = kind });

    private static MeasurementRecord Peak(string engine, string device, string kind, double gflops) =>
        new($"run/{engine}/machine/machinepeak", engine, Engine(engine, device, kind), "machine", MeasurementKind.MachinePeak,
            MeasurementStatus.Ok, null, StopReason.IntervalReached, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, null, null,
            [MetricRecord.From(MetricNames.MatmulGflops, "GFLOP/s", [.. Enumerable.Range(0, 12).Select(i => gflops + (i % 3 - 1) * 0.01)])], []);
}
