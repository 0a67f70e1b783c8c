using Versus.Core.Results;
using Versus.Reports.Formatting;
using Versus.Reports.Model;

namespace Versus.Reports.Charts;

/// <summary>Chart points from stored metrics, on one display scale per chart, with an interval only where the sample supports one.</summary>
internal static class MetricPoints
{
    /// <summary>The display scale for a set of metrics, chosen from their median median so one chart never mixes units.</summary>
    public static DisplayScale Scale(IEnumerable<MetricRecord> metrics, string fallbackUnit)
    {
        var withSummary = metrics.Where(m => m.Summary is not null).ToList();
        if (withSummary.Count == 0) return Units.ScaleFor(1, fallbackUnit);
        var medians = withSummary.Select(m => m.Summary!.Median).Order().ToList();
        return Units.ScaleFor(medians[medians.Count / 2], withSummary[0].Unit);
    }

    public static ChartPoint? Point(string category, MetricRecord? metric, DisplayScale scale, double? x = null, bool withSamples = false)
    {
        if (metric?.Summary is not { } s) return null;
        // The chart draws what the summary holds: no whisker where the summary withheld the interval.
        var note = s.HasInterval ? null : $"{SummaryText.Samples(s.Count)}: no interval";
        return new ChartPoint(category, s.Median * scale.Factor, s.Ci95Low * scale.Factor, s.Ci95High * scale.Factor, x,
            withSamples ? [.. metric.Samples.Select(v => v * scale.Factor)] : null, Note: note);
    }
}
