using Versus.Core.Engines;
using Versus.Core.Results;

namespace Versus.Core.Measurement;

/// <summary>Achieved GFLOP/s as a share of the same device's measured peak, or an empty metric that says why there is none.</summary>
public static class PeakShare
{
    /// <summary>
    /// Said beside a share whose median is over 100%. The peak is the best timed matrix product, not the device's
    /// ceiling: ONNX Runtime's batch-64 convolutions on cnn-64 read 100-104% of it in quick runs here (two sizes timed),
    /// and a peak timed while other work slowed the machine reads low too.
    /// </summary>
    public const string AbovePeak = "above 100%: this workload's kernels ran faster than the best timed matrix product, so " + NotACeiling
        + " (fewer product sizes are timed with --quick; a peak timed while the machine was busier reads low)";

    /// <summary>What a share over 100% says of the peak, here and in the report's cell for it.</summary>
    public const string NotACeiling = "that peak is a measured rate, not this device's ceiling";

    public static MetricRecord Metric(string name, IReadOnlyList<double> gflops, EngineInfo engine, MachinePeaks peaks)
    {
        if (peaks.For(engine) is not { } peak) return new MetricRecord(name, "ratio", [], null, $"not computed: {peaks.WhyNone(engine)}");
        var share = MetricRecord.From(name, "ratio", [.. gflops.Select(g => g / peak.Gflops)], $"share of {peak.Describe()}");
        return share.Summary is { Median: > 1 } ? share with { Note = $"{share.Note}; {AbovePeak}" } : share;
    }
}
