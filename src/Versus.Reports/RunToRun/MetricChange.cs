using Versus.Core.Results;
using Versus.Core.Statistics;

namespace Versus.Reports.RunToRun;

/// <summary>
/// One metric both runs measured (same engine, workload, kind and metric): <see cref="Ratio"/> is B's median over A's with
/// a 95% bootstrap interval, so above 1 means more time (or more throughput) in B.
/// </summary>
/// <param name="HasInterval">False when a side has fewer than <see cref="Versus.Core.Statistics.IntervalRule.MinimumSamples"/> samples: no 95% interval then.</param>
/// <param name="PValue">Mann-Whitney p-value of a change beyond the threshold (two-sided); null when a side has too few samples to test.</param>
/// <param name="AdjustedPValue">The same after Benjamini-Hochberg across every tested metric of the comparison.</param>
/// <param name="Differences">Settings of this engine or workload that differ between the runs (run-wide ones are on the comparison).</param>
public sealed record MetricChange(
    string Engine,
    string Workload,
    MeasurementKind Kind,
    string Metric,
    string Unit,
    bool LowerIsBetter,
    int CountA,
    int CountB,
    double MedianA,
    double MedianB,
    RatioInterval Ratio,
    bool HasInterval,
    double? PValue,
    double? AdjustedPValue,
    ChangeVerdict Verdict,
    IReadOnlyList<RunDifference> Differences)
{
    [System.Text.Json.Serialization.JsonIgnore]
    public bool Tested => AdjustedPValue is not null;
}
