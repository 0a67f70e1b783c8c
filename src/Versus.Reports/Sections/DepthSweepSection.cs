using System.Globalization;
using Versus.Core.Results;
using Versus.Core.Statistics;
using Versus.Reports.Analysis;
using Versus.Reports.Cited;
using Versus.Reports.Formatting;
using Versus.Reports.Markdown;

namespace Versus.Reports.Sections;

/// <summary>
/// The deck's depth test as a sweep: for each engine, batch-1 latency and training step time at each depth N, and how
/// many times the smallest N's figure they are (a bootstrap ratio), which is what "cost grows with depth" means.
/// </summary>
internal sealed class DepthSweepSection(string family) : IReportSection
{
    public void Write(MarkdownWriter writer, ReportData data)
    {
        writer.Heading(2, $"(c) Depth networks: workloads {Labels.Code(family + "-N")}");
        var members = data.WorkloadOrder
            .Select(id => (Id: id, N: WorkloadFamily.Parameter(family, id)))
            .Where(w => w.N is not null)
            .OrderBy(w => w.N)
            .ToList();
        var table = new MarkdownTable("Source", "Engine", "Framework", "N",
            "Batch-1 latency p50 [95% CI]", "Latency vs smallest N", "Training step p50 [95% CI]", "Step vs smallest N");
        foreach (var engine in data.EngineOrder)
        {
            var rows = members
                .Select(w => (w.Id, N: w.N!.Value,
                    Infer: data.Ok(MeasurementKind.Inference, w.Id).FirstOrDefault(m => m.Engine == engine),
                    Train: data.Ok(MeasurementKind.Training, w.Id).FirstOrDefault(m => m.Engine == engine)))
                .Where(r => r.Infer is not null || r.Train is not null)
                .ToList();
            var baseLatency = rows.Select(r => r.Infer?.Metric(MetricNames.LatencyBatch1)).FirstOrDefault(m => m is { Samples.Count: > 0 });
            var baseStep = rows.Select(r => r.Train?.Metric(MetricNames.TrainStep)).FirstOrDefault(m => m is { Samples.Count: > 0 });
            foreach (var row in rows)
            {
                var latency = row.Infer?.Metric(MetricNames.LatencyBatch1);
                var step = row.Train?.Metric(MetricNames.TrainStep);
                table.Row(Labels.Measured, Labels.Code(engine), Labels.Framework((row.Infer ?? row.Train)!.EngineInfo),
                    row.N.ToString(CultureInfo.InvariantCulture),
                    SummaryText.MedianWithInterval(latency), Growth(latency, baseLatency),
                    SummaryText.MedianWithInterval(step), Growth(step, baseStep));
            }
        }
        if (table.RowCount == 0) writer.Paragraph($"No {Labels.Code(family + "-N")} measurement finished in this run.");

        var facts = data.Cited.InTable(CitedTableIds.InferenceDepth);
        foreach (var framework in CitedRows.ByFramework(facts))
        {
            table.Row(CitedRows.SourceLabel(framework), SummaryText.Missing, framework.Key, CitedSetup.NotStated,
                CitedRows.Cell(framework, MetricNames.LatencyBatch1), SummaryText.Missing,
                CitedRows.Cell(framework, MetricNames.TrainStep), SummaryText.Missing);
        }
        writer.Table(table);
        CitedRows.Note(writer, facts);
    }

    /// <summary>"2.04x [1.98-2.10]" against the engine's smallest measured N; "baseline" on that row itself.</summary>
    private static string Growth(MetricRecord? metric, MetricRecord? baseline)
    {
        if (metric is not { Samples.Count: > 0 } || baseline is null) return SummaryText.Missing;
        if (ReferenceEquals(metric, baseline)) return "baseline";
        var ratio = MedianRatio.Bootstrap(metric.Samples, baseline.Samples);
        var withInterval = metric.Samples.Count >= SummaryText.MinimumForInterval && baseline.Samples.Count >= SummaryText.MinimumForInterval;
        return RatioText.Format(ratio, withInterval);
    }
}
