using Versus.Core.Engines;
using Versus.Core.Results;

namespace Versus.Core.Measurement;

/// <summary>Achieved GFLOP/s as a share of the same device's measured peak, or an empty metric that says why there is none.</summary>
internal static class PeakShare
{
    public static MetricRecord Metric(string name, IReadOnlyList<double> gflops, EngineInfo engine, MachinePeaks peaks) =>
        peaks.For(engine) is { } peak
            ? MetricRecord.From(name, "ratio", [.. gflops.Select(g => g / peak.Gflops)], $"share of {peak.Describe()}")
            : new MetricRecord(name, "ratio", [], null, $"not computed: {peaks.WhyNone(engine)}");
}
