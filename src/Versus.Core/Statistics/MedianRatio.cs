using Versus.Core.Randomness;

namespace Versus.Core.Statistics;

/// <summary>
/// Ratio of medians (numerator / denominator) with a percentile bootstrap, resampling both samples independently.
/// Perfolizer has no ratio interval, so this is the one piece of statistics written here. No interval when either side
/// has fewer than <see cref="IntervalRule.MinimumSamples"/> samples: resampling a handful of values gives bounds that
/// are only those values again.
/// </summary>
public static class MedianRatio
{
    public static RatioInterval Bootstrap(IReadOnlyList<double> numerator, IReadOnlyList<double> denominator, int resamples = 2000, uint seed = 7)
    {
        if (numerator.Count == 0 || denominator.Count == 0) throw new ArgumentException("Both samples need values.");
        var ratio = PlainMedian.Of(numerator) / PlainMedian.Of(denominator);
        if (Math.Min(numerator.Count, denominator.Count) < IntervalRule.MinimumSamples) return new RatioInterval(ratio, null, null);
        var random = new PortableRandom(seed, 77);
        var ratios = new double[resamples];
        var a = new double[numerator.Count];
        var b = new double[denominator.Count];
        for (var r = 0; r < resamples; r++)
        {
            for (var i = 0; i < a.Length; i++) a[i] = numerator[random.NextInt(a.Length)];
            for (var i = 0; i < b.Length; i++) b[i] = denominator[random.NextInt(b.Length)];
            ratios[r] = PlainMedian.Of(a) / PlainMedian.Of(b);
        }
        Array.Sort(ratios);
        return new RatioInterval(ratio, ratios[(int)(0.025 * (resamples - 1))], ratios[(int)(0.975 * (resamples - 1))]);
    }
}
