using Versus.Core.Statistics;
using Versus.Reports.RunToRun;

namespace Versus.Serve.Trends;

/// <summary>
/// Where a trend moved: each run against the one before it on the raw samples, with versus compare's test (Mann-Whitney
/// beyond the practical threshold) and Benjamini-Hochberg across the trend's steps, so a long history of noise does not
/// light up with false change points. A step is called only when the adjusted p is within the false discovery rate and
/// the ratio of medians itself lies beyond the threshold.
/// </summary>
internal static class TrendChanges
{
    /// <summary>One entry per point: null for the first, and for a step either side of which has too few samples to test.</summary>
    public static IReadOnlyList<TrendChange?> Of(IReadOnlyList<TrendPoint> points)
    {
        var options = ComparisonOptions.Default;
        var tests = new ChangeTestResult?[points.Count];
        for (var i = 1; i < points.Count; i++)
            if (points[i - 1].Values.Count >= ChangeTest.MinimumSamples && points[i].Values.Count >= ChangeTest.MinimumSamples)
                tests[i] = ChangeTest.Run(points[i - 1].Values, points[i].Values, options.Threshold);
        var tested = Enumerable.Range(0, points.Count).Where(i => tests[i] is not null).ToList();
        var adjusted = BenjaminiHochberg.Adjust([.. tested.Select(i => tests[i]!.ChangeP)]);
        var changes = new TrendChange?[points.Count];
        for (var k = 0; k < tested.Count; k++)
        {
            var i = tested[k];
            var ratio = points[i].Median / points[i - 1].Median;
            var beyond = ratio > 1 + options.Threshold || ratio < 1 / (1 + options.Threshold);
            var called = adjusted[k] <= options.FalseDiscoveryRate && beyond && tests[i]!.Increased == ratio > 1;
            changes[i] = new TrendChange(ratio, adjusted[k], called ? (ratio > 1 ? "higher" : "lower") : null);
        }
        return changes;
    }
}
