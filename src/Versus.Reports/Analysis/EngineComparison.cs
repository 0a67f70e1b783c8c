using Versus.Core.Results;
using Versus.Core.Statistics;

namespace Versus.Reports.Analysis;

/// <summary>
/// Two measurements of one metric on one workload, oriented so <see cref="Ratio"/> is at least 1: how many times faster
/// <see cref="Faster"/> is (time taken by the slower over time taken by the faster, or the inverse for a throughput).
/// </summary>
/// <param name="FasterEngine">The engine id behind <see cref="Faster"/> (which may carry a backend), for parity lookups.</param>
/// <param name="FasterSide">What ran the faster side: engine, backend, device and threads as its worker reported them.</param>
public sealed record EngineComparison(
    string Workload,
    MeasurementKind Kind,
    string Metric,
    string Unit,
    bool LowerIsBetter,
    string Faster,
    string Slower,
    double FasterMedian,
    double SlowerMedian,
    RatioInterval Ratio,
    string FasterEngine,
    string SlowerEngine,
    ComparedSide FasterSide,
    ComparedSide SlowerSide)
{
    /// <summary>False when either side has fewer samples than <see cref="IntervalRule.MinimumSamples"/>.</summary>
    public bool HasInterval => Ratio.HasInterval;

    /// <summary>True when the interval excludes 1, i.e. the difference is more than the noise of the samples.</summary>
    public bool IsClear => HasInterval && Ratio.Low > 1;
}
