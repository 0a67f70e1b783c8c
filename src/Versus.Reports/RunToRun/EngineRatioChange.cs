using Versus.Core.Results;
using Versus.Core.Statistics;

namespace Versus.Reports.RunToRun;

/// <summary>
/// How <see cref="Engine"/> stands against <see cref="Reference"/> in each run (ratios of medians, engine over reference)
/// and how that moved: <see cref="Change"/> is B's ratio over A's with a 95% bootstrap interval. Raw machine speed
/// cancels, so this is the figure to read when the runs are on different machines.
/// </summary>
/// <param name="HasInterval">False when any of the four samples has fewer than <see cref="Versus.Core.Statistics.IntervalRule.MinimumSamples"/> values.</param>
public sealed record EngineRatioChange(
    string Workload,
    MeasurementKind Kind,
    string Metric,
    string Engine,
    string Reference,
    double RatioA,
    double RatioB,
    RatioInterval Change,
    bool HasInterval);
