using Versus.Core.Statistics;
using Versus.Reports.Analysis;
using Versus.Reports.Formatting;
using Versus.Reports.Model;

namespace Versus.Reports.Charts;

/// <summary>
/// Every engine-to-engine ratio as a forest plot on a log axis: the point is how many times faster, the line its 95%
/// interval, 1 means no difference. A comparison whose parity failed is greyed and says so: its ratio compares two
/// different computations.
/// </summary>
internal static class ComparisonForest
{
    public static ChartBlock? Build(ReportData data)
    {
        if (data.Comparisons.Count == 0) return null;
        var points = data.Comparisons.Select(c =>
        {
            var parity = ParityVerdict.For(data.Results, c.Workload, c.FasterEngine, c.SlowerEngine);
            var status = ParityVerdict.Status(data.Results, c.Workload, c.FasterEngine, c.SlowerEngine);
            var invalid = status == ParityStatus.Failed;
            var interval = c.HasInterval ? "" : $"; no interval: fewer than {IntervalRule.MinimumSamples} samples on a side";
            return new ChartPoint($"{c.Workload}, {c.Metric}: {c.Faster} vs {c.Slower} · {ParityTag(status)}", c.Ratio.Ratio,
                c.HasInterval ? c.Ratio.Low : null, c.HasInterval ? c.Ratio.High : null,
                Muted: invalid, Note: (invalid ? "invalid comparison: " : "") + parity + interval +
                    $"; {SideText.Describe(c.FasterSide)} vs {SideText.Describe(c.SlowerSide)}");
        }).ToList();
        return ChartFactory.Create("chart-ratios", "How many times faster: engine against engine", ChartKind.Forest,
            new ChartAxis("Ratio (faster over slower)", "x", Log: true), "Comparison", [new ChartSeries("ratio of medians", points)],
            "Forest plot of every engine-to-engine ratio of medians with its 95% bootstrap interval on a log axis; the " +
            "reference line at 1 means no difference; each row names its parity status, and rows whose parity failed are " +
            "greyed and labelled invalid.");
    }

    /// <summary>On the row itself, not only in the table: a reader of the chart alone must see which ratios are sound.</summary>
    private static string ParityTag(ParityStatus status) => status switch
    {
        ParityStatus.Passed => "parity passed",
        ParityStatus.Failed => "parity failed",
        _ => "parity not checked",
    };
}
