using Versus.Core.Results;

namespace Versus.Reports.Analysis;

/// <summary>The machine's matrix-product peak from a MachinePeak measurement: the denominator of every "share of peak".</summary>
internal sealed record MachinePeak(double Gflops, MeasurementRecord Source)
{
    /// <summary>The highest median of the finished peak measurements: the machine can do at least that much.</summary>
    public static MachinePeak? Best(IEnumerable<MeasurementRecord> measurements) =>
        measurements
            .Where(m => m.Kind == MeasurementKind.MachinePeak && m.Status == MeasurementStatus.Ok)
            .Select(m => m.Metric(MetricNames.MatmulGflops)?.Summary is { } s ? new MachinePeak(s.Median, m) : null)
            .OfType<MachinePeak>()
            .MaxBy(p => p.Gflops);
}
