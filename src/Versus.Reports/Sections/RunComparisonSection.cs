using Versus.Reports.Analysis;
using Versus.Reports.Charts;
using Versus.Reports.Formatting;
using Versus.Reports.Model;
using Versus.Reports.RunToRun;

namespace Versus.Reports.Sections;

/// <summary>
/// Run B against run A: the verdict counts, what differs between the runs, every shared metric's ratio, test and verdict,
/// the forest of ratios, and on different machines the ratio of engine ratios. The same blocks in a run's report
/// ("versus report RUN --compare RUN2") and alone ("versus compare A B").
/// </summary>
internal sealed class RunComparisonSection(RunComparison comparison) : IReportSection
{
    public void Write(ReportBuilder report, ReportData data) => Write(report);

    public void Write(ReportBuilder report)
    {
        var c = comparison;
        var threshold = ChangeText.Threshold(c.Options.Threshold);
        report.Heading(2, "Run against run: " + Labels.Code(c.RunB) + " (B) compared with " + Labels.Code(c.RunA) + " (A)", "run-comparison");
        var untested = c.Metrics.Count(m => !m.Tested);
        report.Paragraph($"{c.Metrics.Count} metric(s) measured in both runs (same engine, workload and metric): " +
            $"{c.Count(ChangeVerdict.Slower)} slower, {c.Count(ChangeVerdict.Faster)} faster, {c.Count(ChangeVerdict.NoChange)} " +
            $"with no change beyond the {threshold} threshold" + (untested > 0 ? $" ({untested} of them untested: too few samples)." : "."));
        if (!c.SameMachine)
            report.Note(Text.Strong("Different machines") + ": a raw ratio mixes the machines' speed with any change; " +
                "the ratio of engine ratios at the end of this section cancels the machine.");
        if (c.Differences.Count > 0)
        {
            report.Paragraph(Text.Strong("Compared, but not alike") + ": these settings differ between the runs, and can explain a change on their own.");
            report.Bullets(c.Differences.Select(ChangeText.Difference));
        }
        Metrics(report, c);
        report.Note($"Ratio: B's median over A's (plain sample medians) with a 95% percentile bootstrap interval. p: Mann-Whitney " +
            $"on the raw samples for a change beyond {threshold} (Perfolizer), adjusted by Benjamini-Hochberg across the " +
            $"{c.Metrics.Count(m => m.Tested)} tested metrics. Slower or faster: adjusted p within {ChangeText.Threshold(c.Options.FalseDiscoveryRate)} " +
            $"and the ratio beyond {threshold} (above {1 + c.Options.Threshold:0.###}x or below {1 / (1 + c.Options.Threshold):0.###}x); " +
            "a metric with fewer than 3 samples on a side is not tested.");
        if (ChangeForest.Build(c) is { } chart) report.Chart(chart);
        if (!c.SameMachine) EngineRatios(report, c);
    }

    /// <summary>The "Differs" column only when some engine or workload differs: a column of dashes says nothing.</summary>
    private static void Metrics(ReportBuilder report, RunComparison c)
    {
        var differs = c.Metrics.Any(m => m.Differences.Count > 0);
        Text[] columns = ["Engine", "Workload", "Metric", "A (median)", "B (median)", "B/A [95% CI]", "p (adjusted)", "Verdict"];
        var table = new TableBuilder(differs ? [.. columns, "Differs"] : columns);
        foreach (var m in c.Metrics)
        {
            Text[] cells =
            [
                Labels.Code(m.Engine), Labels.Code(m.Workload), m.Metric,
                $"{Units.Format(m.MedianA, m.Unit)} (n={m.CountA})", $"{Units.Format(m.MedianB, m.Unit)} (n={m.CountB})",
                RatioText.Format(m.Ratio), ChangeText.P(m.AdjustedPValue), ChangeText.Verdict(m),
            ];
            table.Row(differs ? [.. cells, m.Differences.Count == 0 ? "—" : string.Join("; ", m.Differences.Select(ChangeText.Short))] : cells);
        }
        report.Table(table);
    }

    private static void EngineRatios(ReportBuilder report, RunComparison c)
    {
        report.Heading(3, "Engine against engine, run against run", "run-comparison-engine-ratios");
        if (c.EngineRatios.Count == 0)
        {
            report.Paragraph("No two engines measured the same metric in both runs, so no ratio of engine ratios can cancel the machines.");
            return;
        }
        report.Paragraph("Each engine over the reference engine in each run, and B's ratio over A's: 1 means the engines stand " +
            "where they stood, whatever the machines' raw speed.");
        var table = new TableBuilder("Workload", "Kind", "Metric", "Engine / reference", "In A", "In B", "B over A [95% CI]");
        foreach (var e in c.EngineRatios)
            table.Row(Labels.Code(e.Workload), Labels.Kind(e.Kind), e.Metric, Labels.Code(e.Engine) + " / " + Labels.Code(e.Reference),
                RatioText.Point(new(e.RatioA, null, null)), RatioText.Point(new(e.RatioB, null, null)),
                RatioText.Format(e.Change));
        report.Table(table);
    }
}
