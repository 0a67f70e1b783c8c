namespace Versus.Core.Statistics;

/// <summary>
/// A sample described without hiding anything: Harrell-Davis median with a 95% interval, tail percentiles only where
/// the sample can support them (otherwise null and flagged), spread, and Tukey outliers counted (kept in the sample).
/// </summary>
public sealed record SampleSummary(
    int Count,
    double Median,
    double Ci95Low,
    double Ci95High,
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

    /// <summary>Half the interval's width relative to the median: 0.02 means "median +/- 2%".</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public double RelativeHalfWidth => Median == 0 ? double.PositiveInfinity : (Ci95High - Ci95Low) / 2 / Math.Abs(Median);
}
