using System.Globalization;
using Versus.Core.Results;
using Versus.Reports.Analysis;
using Versus.Reports.Charts;
using Versus.Reports.Cited;
using Versus.Reports.Formatting;
using Versus.Reports.Model;

namespace Versus.Reports.Sections;

/// <summary>
/// The deck's depth test as a sweep: for each engine, batch-1 latency and training step time at each depth N, and how
/// many times the smallest N's figure they are (a bootstrap ratio), which is what "cost grows with depth" means.
/// </summary>
internal sealed class DepthSweepSection(string family) : IReportSection
{
    public void Write(ReportBuilder report, ReportData data)
    {
        report.Heading(2, "(c) Depth networks: workloads " + Labels.Code(family + "-N"));
        var table = new TableBuilder("Source", "Engine", "Framework", "N",
            "Batch-1 latency p50 [95% CI]", "Latency vs smallest N", "Training step p50 [95% CI]", "Step vs smallest N");
        foreach (var p in data.DepthSweep(family))
        {
            table.Row(Labels.Measured, Labels.Code(p.Engine), Labels.Framework(p.Source.EngineInfo), p.N.ToString(CultureInfo.InvariantCulture),
                SummaryText.MedianWithInterval(p.Latency), GrowthText(p.LatencyGrowth),
                SummaryText.MedianWithInterval(p.Step), GrowthText(p.StepGrowth));
        }
        if (table.RowCount == 0) report.Paragraph("No " + Labels.Code(family + "-N") + " measurement finished in this run.");

        var facts = data.Cited.InTable(CitedTableIds.InferenceDepth);
        foreach (var framework in CitedRows.ByFramework(facts))
        {
            table.Row(CitedRows.SourceLabel(framework), SummaryText.Missing, framework.Key, CitedSetup.NotStated,
                CitedRows.Cell(framework, MetricNames.LatencyBatch1), SummaryText.Missing,
                CitedRows.Cell(framework, MetricNames.TrainStep), SummaryText.Missing);
        }
        report.Table(table);
        CitedRows.Note(report, facts);
        foreach (var chart in DepthCharts.Sweep(data, family)) ChartPlacement.Add(report, data, chart, MeasurementKind.Inference);
    }

    /// <summary>"2.04x [1.98-2.10]" against the engine's smallest measured N; "baseline" on that row itself.</summary>
    private static string GrowthText(Growth? growth) => growth switch
    {
        null => SummaryText.Missing,
        { Ratio: null } => "baseline",
        { Ratio: { } ratio } => RatioText.Format(ratio),
    };
}
