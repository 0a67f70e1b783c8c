using Versus.Core.Results;
using Versus.Core.Statistics;
using Versus.Reports.Analysis;
using Versus.Reports.Charts;
using Versus.Reports.Cited;
using Versus.Reports.Formatting;
using Versus.Reports.Model;

namespace Versus.Reports.Sections;

/// <summary>Engine against engine as ratios with intervals, then the deck's own comparative claims, labelled as cited.</summary>
internal sealed class ComparisonSection : IReportSection
{
    public void Write(ReportBuilder report, ReportData data)
    {
        report.Heading(2, "Comparisons between engines");
        var comparisons = data.Comparisons;
        if (comparisons.Count == 0)
        {
            report.Paragraph("No two engines measured the same metric on the same workload in this run, so there is nothing to compare.");
        }
        else
        {
            var table = new TableBuilder("Workload", "Kind", "Metric", "Result (ratio of medians [95% bootstrap CI])", "Medians", "Parity",
                "Faster side", "Slower side");
            foreach (var c in comparisons)
                table.Row(c.Workload, Labels.Kind(c.Kind), c.Metric, Sentence(c),
                    $"{Units.Format(c.FasterMedian, c.Unit)} vs {Units.Format(c.SlowerMedian, c.Unit)}",
                    ParityVerdict.For(data.Results, c.Workload, c.FasterEngine, c.SlowerEngine),
                    SideText.Describe(c.FasterSide), SideText.Describe(c.SlowerSide));
            report.Table(table);
            // MedianRatio resamples plain medians; saying so explains a last-digit gap against the Harrell-Davis medians above.
            report.Paragraph("Ratios and the medians beside them are plain sample medians, as the bootstrap resamples them; " +
                "they can differ in the last digit from the Harrell-Davis medians in the tables above.");
            if (ComparisonForest.Build(data) is { } forest) report.Chart(forest);
        }

        var claims = data.Cited.InTable(CitedTableIds.DeckClaims);
        if (claims.Count == 0) return;
        report.Heading(3, "The deck's comparative claims (cited, not measured here)");
        report.Bullets(claims.Select(f => $"{Labels.Cited(f.Source)}: {f.Framework}, {f.Quantity}: {f.ValueText}. The deck: \"{f.Quote}\""));
        CitedRows.Note(report, claims);
    }

    /// <summary>"alpha is 1.80x [1.72-1.88] faster than beta", qualified when the interval is missing or includes 1.</summary>
    public static string Sentence(EngineComparison c)
    {
        var text = $"{c.Faster} is {RatioText.Format(c.Ratio)} faster than {c.Slower}";
        if (!c.HasInterval) return text + $" (no interval: fewer than {IntervalRule.MinimumSamples} samples on a side)";
        return c.IsClear ? text : text + " (the interval includes 1: no clear difference)";
    }
}
