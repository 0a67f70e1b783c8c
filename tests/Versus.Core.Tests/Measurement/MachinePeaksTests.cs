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

    private static EngineInfo Engine(string id, string device, string kind) =>
        new(id, id, "1.0", "cpu", "test", 2, new Dictionary<string, string> { [EngineDevice.DeviceKey] = device, [EngineDevice.KindKey] = kind });

    private static MeasurementRecord Peak(string engine, string device, string kind, double gflops) =>
        new($"run/{engine}/machine/machinepeak", engine, Engine(engine, device, kind), "machine", MeasurementKind.MachinePeak,
            MeasurementStatus.Ok, null, StopReason.IntervalReached, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, null, null,
            [MetricRecord.From(MetricNames.MatmulGflops, "GFLOP/s", [.. Enumerable.Range(0, 12).Select(i => gflops + (i % 3 - 1) * 0.01)])], []);
}
