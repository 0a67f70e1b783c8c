using Versus.Reports.Formatting;
using Versus.Reports.Model;
using Versus.Reports.RunToRun;

namespace Versus.Reports.Charts;

/// <summary>
/// Every shared metric's ratio B/A as a forest plot on a log axis, one series per verdict so a regression stands out by
/// colour and in the legend; 1 means no change, the line is the 95% bootstrap interval.
/// </summary>
internal static class ChangeForest
{
    public static ChartBlock? Build(RunComparison comparison)
    {
        if (comparison.Metrics.Count == 0) return null;
        var series = new[] { ChangeVerdict.Slower, ChangeVerdict.Faster, ChangeVerdict.NoChange }
            .Select(verdict => new ChartSeries(ChangeText.Verdict(verdict), [.. comparison.Metrics
                .Where(m => m.Verdict == verdict)
                .Select(m => new ChartPoint($"{m.Engine}, {m.Workload}, {m.Metric}", m.Ratio.Ratio,
                    m.HasInterval ? m.Ratio.Low : null, m.HasInterval ? m.Ratio.High : null,
                    Note: $"{ChangeText.Verdict(m).Plain}; adjusted p {ChangeText.P(m.AdjustedPValue)}"))]))
            .Where(s => s.Points.Count > 0)
            .ToList();
        return ChartFactory.Create("chart-run-change", "Run B against run A: ratio of medians per metric", ChartKind.Forest,
            new ChartAxis("Ratio B/A", "x", Log: true), "Metric", series,
            "Forest plot of every metric both runs measured: run B's median over run A's with its 95% bootstrap interval on a " +
            "log axis (above 1: more time, or more throughput, in B), the reference line at 1 meaning no change; series by verdict.");
    }
}
