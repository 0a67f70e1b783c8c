using System.Globalization;
using Versus.Core.Results;
using Versus.Reports.Analysis;
using Versus.Reports.Cited;
using Versus.Reports.Formatting;
using Versus.Reports.Model;

namespace Versus.Reports.Sections;

/// <summary>
/// Inference on one workload: cold start (real process start, load, first prediction) kept apart from warm batch-1
/// latency, the distinction the deck's per-image seconds blur, and throughput at the workload's large batch.
/// </summary>
internal sealed class InferenceSection(string title, string workload, string? citedTable) : IReportSection
{
    private static readonly (string Name, string Label)[] ColdParts =
    [
        (MetricNames.ColdProcessStart, "process start"),
        (MetricNames.ColdEngineLoad, "engine load"),
        (MetricNames.ColdModelBuild, "model build"),
        (MetricNames.ColdFirstPrediction, "first prediction"),
    ];

    public void Write(ReportBuilder report, ReportData data)
    {
        report.Heading(2, $"{title}: workload " + Labels.Code(workload));
        var batch = data.Workload(workload)?.ThroughputBatchSize is int b and > 0 ? $"batch {b.ToString(CultureInfo.InvariantCulture)}" : "large batch";
        var table = new TableBuilder("Source", "Engine", "Framework", "Cold start, median [95% CI]", "Cold-start parts (medians)",
            "Batch-1 latency p50 [95% CI]", "p90", "p99", $"Throughput at {batch}", MeasurementNote.Column);
        foreach (var m in data.Ok(MeasurementKind.Inference, workload))
        {
            var latency = m.Metric(MetricNames.LatencyBatch1);
            table.Row(Labels.Measured, Labels.Code(m.Engine), Labels.Framework(m.EngineInfo),
                SummaryText.MedianWithInterval(m.Metric(MetricNames.ColdStart)), Parts(m),
                SummaryText.MedianWithInterval(latency), SummaryText.P90(latency), SummaryText.P99(latency),
                SummaryText.MedianWithInterval(m.Metric(MetricNames.Throughput)), MeasurementNote.Cell(m));
        }
        if (table.RowCount == 0) report.Paragraph("No inference measurement of " + Labels.Code(workload) + " finished in this run.");

        var facts = citedTable is null ? [] : data.Cited.InTable(citedTable);
        foreach (var framework in CitedRows.ByFramework(facts))
        {
            table.Row(CitedRows.SourceLabel(framework), SummaryText.Missing, framework.Key,
                CitedRows.Cell(framework, MetricNames.ColdStart), SummaryText.Missing,
                CitedRows.Cell(framework, MetricNames.LatencyBatch1), SummaryText.Missing, SummaryText.Missing,
                CitedRows.Cell(framework, MetricNames.Throughput), SummaryText.Missing);
        }
        if (table.RowCount > 0) report.Table(table);
        CitedRows.Note(report, facts);
    }

    private static string Parts(MeasurementRecord m)
    {
        var parts = ColdParts
            .Select(p => (p.Label, Metric: m.Metric(p.Name)))
            .Where(p => p.Metric is not null)
            .Select(p => $"{p.Label} {SummaryText.Median(p.Metric)}")
            .ToList();
        if (parts.Count == 0) return "not reported";
        var text = string.Join(" + ", parts);
        if (m.Metric(MetricNames.ColdUnattributed) is { } rest) text += $" + unattributed {SummaryText.Median(rest)}";
        if (m.Metric(MetricNames.ColdDataLoad) is { } data) text += $" (dataset load {SummaryText.Median(data)}, excluded)";
        return m.Metric(MetricNames.ColdWeightsCached) is { } cached ? $"{text}; {WeightCache(cached.Samples)}" : text;
    }

    /// <summary>Per trial, whether the weight file came from disk or from the page cache: a cached read is faster.</summary>
    private static string WeightCache(IReadOnlyList<double> shares)
    {
        var cold = shares.Count(s => s == 0);
        return cold == shares.Count
            ? (shares.Count == 1 ? "weight file read from disk" : $"weight file read from disk in all {shares.Count} trials")
            : $"weight file read from disk in {cold} of {shares.Count} trials, from the page cache (wholly or partly) in the others";
    }
}
