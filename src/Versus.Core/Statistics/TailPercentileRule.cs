namespace Versus.Core.Statistics;

/// <summary>
/// How many samples a tail percentile needs before it is reported as a fact: MLPerf LoadGen's early-stopping rule
/// (binomial, 99% confidence, no overshoot allowed) needs 64 samples for p90 and 662 for p99. With fewer, the percentile
/// is withheld and the metric is flagged.
/// </summary>
public static class TailPercentileRule
{
    public const int MinimumForP90 = 64;
    public const int MinimumForP99 = 662;
}
