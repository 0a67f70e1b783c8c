using System.Text.Json.Serialization;

namespace Versus.Core.Statistics;

/// <summary>
/// A sample described without hiding anything: Harrell-Davis median with a 95% interval, tail percentiles only where
/// the sample can support them (otherwise null and flagged), spread, and Tukey outliers counted (kept in the sample).
/// The interval is null under <see cref="IntervalRule.MinimumSamples"/> samples (flagged), never the range in its place.
/// </summary>
public sealed record SampleSummary(
    int Count,
    double Median,
    // Written as null, not left out: a reader must see that the interval was withheld, not wonder whether it was lost.
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    double? Ci95Low,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    double? Ci95High,
    double? P90,
    double? P99,
    double Mean,
    double StandardDeviation,
    double CoefficientOfVariation,
    double Min,
    double Max,
    int LowerOutliers,
    int UpperOutliers,
    IReadOnlyList<string> Flags)
{
    public const string IntervalMethod =
        "Harrell-Davis median; 95% interval from its Maritz-Jarrett-style standard error (Perfolizer QuantileConfidenceIntervalEstimator)";

    /// <summary>Whether the sample was large enough for a 95% interval (<see cref="IntervalRule"/>).</summary>
    [JsonIgnore]
    public bool HasInterval => Ci95Low is not null && Ci95High is not null;

    /// <summary>Half the interval's width relative to the median: 0.02 means "median +/- 2%"; infinite without an interval.</summary>
    [JsonIgnore]
    public double RelativeHalfWidth => Median == 0 || Ci95Low is not double low || Ci95High is not double high
        ? double.PositiveInfinity
        : (high - low) / 2 / Math.Abs(Median);
}
