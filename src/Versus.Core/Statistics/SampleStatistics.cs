using Perfolizer.Mathematics.Common;
using Perfolizer.Mathematics.OutlierDetection;
using Perfolizer.Mathematics.QuantileEstimators;
using Pragmastat;

namespace Versus.Core.Statistics;

/// <summary>Summaries computed with Perfolizer, BenchmarkDotNet's statistics library. Pure functions of the sample.</summary>
public static class SampleStatistics
{
    public static SampleSummary Summarize(IReadOnlyList<double> values)
    {
        if (values.Count == 0) throw new ArgumentException("A summary needs at least one sample.", nameof(values));
        var flags = new List<string>();
        var moments = Moments.Create(values);
        var min = values.Min();
        var max = values.Max();
        var sample = new Sample(values.ToArray());
        var estimator = HarrellDavisQuantileEstimator.Instance;
        var median = values.Count < 3 ? PlainMedian.Of(values) : estimator.Quantile(sample, Probability.Half).NominalValue;
        double? low = null, high = null;
        if (values.Count >= IntervalRule.MinimumSamples)
        {
            var interval = estimator.QuantileConfidenceIntervalEstimator(sample, Probability.Half).ConfidenceInterval(ConfidenceLevel.L95);
            // Harrell-Davis intervals can be degenerate on constant samples; never report one that excludes the median.
            // Its normal approximation can also reach past the data on a skewed or two-mode sample (a negative GFLOP/s
            // bound, measured here): no interval for a median can honestly extend beyond the smallest and largest value.
            // Math.Min/Max carry a NaN through, and a constant sample makes the estimator's bounds NaN: the median stands.
            low = double.IsNaN(interval.Lower) ? median : Math.Max(Math.Min(interval.Lower, median), min);
            high = double.IsNaN(interval.Upper) ? median : Math.Min(Math.Max(interval.Upper, median), max);
        }
        else flags.Add(IntervalRule.Withheld(values.Count));
        double? p90 = null, p99 = null;
        if (values.Count >= TailPercentileRule.MinimumForP90) p90 = estimator.Quantile(sample, 0.9).NominalValue;
        else flags.Add($"p90 withheld: {values.Count} samples, needs {TailPercentileRule.MinimumForP90}");
        if (values.Count >= TailPercentileRule.MinimumForP99) p99 = estimator.Quantile(sample, 0.99).NominalValue;
        else flags.Add($"p99 withheld: {values.Count} samples, needs {TailPercentileRule.MinimumForP99}");
        if (values.Count < 3)
            return new SampleSummary(values.Count, median, null, null, null, null, moments.Mean, values.Count > 1 ? moments.StandardDeviation : 0,
                0, min, max, 0, 0, flags);

        var detector = TukeyOutlierDetector.Create(values);
        var lower = values.Count(detector.IsLowerOutlier);
        var upper = values.Count(detector.IsUpperOutlier);
        if (lower + upper > 0) flags.Add($"{lower + upper} Tukey outlier(s) kept in the sample ({lower} low, {upper} high)");

        var cv = moments.Mean == 0 ? 0 : moments.StandardDeviation / Math.Abs(moments.Mean);
        return new SampleSummary(values.Count, median, low, high, p90, p99, moments.Mean, moments.StandardDeviation, cv, min, max, lower, upper, flags);
    }
}
