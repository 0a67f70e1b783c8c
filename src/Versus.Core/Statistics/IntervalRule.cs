namespace Versus.Core.Statistics;

/// <summary>
/// How many samples a 95% interval needs before one is reported, for a median and for each side of a ratio of medians.
/// Below it the figure stands alone, with a flag that says why, and ci95Low/ci95High are null.
/// </summary>
/// <remarks>
/// With n samples the widest distribution-free interval for a median, [min, max], covers the true median with
/// probability 1 - 2 x 0.5^n: 75% at n = 3, 93.8% at n = 5, 96.9% at n = 6. So under 6 no method can honestly call
/// anything a 95% interval; a percentile bootstrap on 3 samples merely resamples three order statistics. At 10 the
/// order-statistic interval [x(2), x(9)] covers 97.9% and is narrower than the range, and the bootstrap's resampled
/// medians take enough distinct values for their 2.5% and 97.5% percentiles to mean something. Ten is also the quick
/// profile's <see cref="Measurement.MeasurementProfile.MinSamples"/>, so a measurement that ran its planned minimum
/// always gets an interval.
/// </remarks>
public static class IntervalRule
{
    public const int MinimumSamples = 10;

    /// <summary>The flag a summary or ratio carries when it has no interval: the count and what it needs.</summary>
    public static string Withheld(int count) =>
        $"no 95% interval: {count} sample{(count == 1 ? "" : "s")}, an interval needs {MinimumSamples}";
}
