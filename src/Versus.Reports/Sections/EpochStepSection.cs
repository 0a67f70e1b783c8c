using Versus.Core.Results;
using Versus.Reports.Analysis;
using Versus.Reports.Charts;
using Versus.Reports.Cited;
using Versus.Reports.Formatting;
using Versus.Reports.Model;

namespace Versus.Reports.Sections;

/// <summary>
/// The deck's table (b): epoch and step time. Steps are many samples, so their tail percentiles are shown where the
/// sample supports them and written as withheld (with the count needed) where it does not.
/// </summary>
internal sealed class EpochStepSection : IReportSection
{
    public void Write(ReportBuilder report, ReportData data)
    {
        report.Heading(2, "(b) Epoch and step time");
        var table = new TableBuilder("Source", "Engine", "Framework", "Workload",
            "Epoch time, median [95% CI]", "Step time, median [95% CI]", "Step p90", "Step p99", MeasurementNote.Column);
        foreach (var m in data.Ok(MeasurementKind.Training))
        {
            var step = m.Metric(MetricNames.TrainStep);
            table.Row(Labels.Measured, Labels.Code(m.Engine), Labels.Framework(m.EngineInfo), m.Workload,
                SummaryText.MedianWithInterval(m.Metric(MetricNames.TrainEpoch)), SummaryText.MedianWithInterval(step),
                SummaryText.P90(step), SummaryText.P99(step), MeasurementNote.Cell(m));
        }
        if (table.RowCount == 0) report.Paragraph("No training measurement finished in this run (see " + Text.Strong("Failed and skipped") + ").");

        var facts = data.Cited.InTable(CitedTableIds.EpochStepTime);
        foreach (var framework in CitedRows.ByFramework(facts))
        {
            table.Row(CitedRows.SourceLabel(framework), SummaryText.Missing, framework.Key, CitedSetup.NotStated,
                CitedRows.Cell(framework, MetricNames.TrainEpoch), CitedRows.Cell(framework, MetricNames.TrainStep),
                SummaryText.Missing, SummaryText.Missing, SummaryText.Missing);
        }
        report.Table(table);
        CitedRows.Note(report, facts);
        ChartPlacement.Add(report, data, TrainingCharts.StepDistribution(data), MeasurementKind.Training);
    }
}
