using System.Globalization;
using Versus.Core.Results;
using Versus.Reports.Analysis;
using Versus.Reports.Charts;
using Versus.Reports.Cited;
using Versus.Reports.Formatting;
using Versus.Reports.Model;

namespace Versus.Reports.Sections;

/// <summary>The deck's table (a): total training time, one measured row per engine and workload, the deck's hours beside them.</summary>
internal sealed class TrainingTimeSection : IReportSection
{
    public void Write(ReportBuilder report, ReportData data)
    {
        report.Heading(2, "(a) Total training time");
        var table = new TableBuilder("Source", "Engine", "Framework", "Workload", "Total training time", "Epochs", "Throughput",
            MeasurementNote.Column);
        foreach (var m in data.Ok(MeasurementKind.Training))
        {
            var epochs = m.Metric(MetricNames.TrainEpoch)?.Samples.Count is int n and > 0
                ? n.ToString(CultureInfo.InvariantCulture)
                : data.Workload(m.Workload)?.Epochs.ToString(CultureInfo.InvariantCulture) ?? SummaryText.Missing;
            table.Row(Labels.Measured, Labels.Code(m.Engine), Labels.Framework(m.EngineInfo), m.Workload,
                SummaryText.MedianWithInterval(m.Metric(MetricNames.TrainTotal)), epochs,
                SummaryText.MedianWithInterval(m.Metric(MetricNames.TrainThroughput)), MeasurementNote.Cell(m));
        }
        if (table.RowCount == 0) report.Paragraph("No training measurement finished in this run (see " + Text.Strong("Failed and skipped") + ").");

        var facts = data.Cited.InTable(CitedTableIds.TotalTrainingTime);
        foreach (var framework in CitedRows.ByFramework(facts))
        {
            table.Row(CitedRows.SourceLabel(framework), SummaryText.Missing, framework.Key, CitedSetup.NotStated,
                CitedRows.Cell(framework, MetricNames.TrainTotal), SummaryText.Missing, SummaryText.Missing, SummaryText.Missing);
        }
        report.Table(table);
        CitedRows.Note(report, facts);
        ChartPlacement.Add(report, data, TrainingCharts.TotalTime(data), MeasurementKind.Training);
    }
}
