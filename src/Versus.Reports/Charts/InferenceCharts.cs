using Versus.Core.Results;
using Versus.Reports.Analysis;
using Versus.Reports.Cited;
using Versus.Reports.Model;

namespace Versus.Reports.Charts;

/// <summary>The deck's inference slides as charts: warm batch-1 latency, large-batch throughput, and cold start in parts.</summary>
internal static class InferenceCharts
{
    private static readonly (string Name, string Label)[] ColdParts =
    [
        (MetricNames.ColdProcessStart, "process start"),
        (MetricNames.ColdEngineLoad, "engine load"),
        (MetricNames.ColdModelBuild, "model build"),
        (MetricNames.ColdFirstPrediction, "first prediction"),
    ];

    public static ChartBlock? Latency(ReportData data)
    {
        var measured = With(data, MetricNames.LatencyBatch1);
        if (measured.Count == 0) return null;
        var scale = MetricPoints.Scale(measured.Select(m => m.Metric(MetricNames.LatencyBatch1)!), "ms");
        var series = TrainingCharts.BySeries(measured, m => MetricPoints.Point(m.Workload, m.Metric(MetricNames.LatencyBatch1), scale));
        foreach (var table in new[] { CitedTableIds.Inference28, CitedTableIds.Inference64, CitedTableIds.InferenceDepth })
            foreach (var framework in TrainingCharts.CitedRows(data, table, MetricNames.LatencyBatch1))
                series.Add(new ChartSeries(framework.Name, [framework.Point(scale) with { Category = $"{CitedPoint.Category}: {data.Cited.Table(table).Title}" }], Cited: true));
        return ChartFactory.Create("chart-latency", "Warm batch-1 latency per workload and engine", ChartKind.Bars,
            new ChartAxis("Batch-1 latency, median", scale.Unit, Log: true), "Workload", series,
            "Median warm latency of one image per workload and engine, log scale, with 95% intervals; the deck's cited " +
            "seconds per image stand on categories of their own, labelled cited (they include cold start and I/O).");
    }

    public static ChartBlock? Throughput(ReportData data)
    {
        var measured = With(data, MetricNames.Throughput);
        if (measured.Count == 0) return null;
        var scale = MetricPoints.Scale(measured.Select(m => m.Metric(MetricNames.Throughput)!), "images/s");
        var series = TrainingCharts.BySeries(measured, m => MetricPoints.Point(Category(data, m), m.Metric(MetricNames.Throughput), scale));
        return ChartFactory.Create("chart-throughput", "Inference throughput at the large batch per workload and engine", ChartKind.Bars,
            new ChartAxis("Throughput, median", scale.Unit, Log: true), "Workload (batch)", series,
            "Median images per second at each workload's large batch, per engine, log scale, with 95% intervals.");
    }

    /// <summary>Cold start split into its parts, plus what the parts do not account for, so the bar's height is the measured total.</summary>
    public static ChartBlock? ColdStart(ReportData data)
    {
        var measured = With(data, MetricNames.ColdStart);
        if (measured.Count == 0) return null;
        var scale = MetricPoints.Scale(measured.Select(m => m.Metric(MetricNames.ColdStart)!), "ms");
        var series = new List<ChartSeries>();
        foreach (var (name, label) in ColdParts)
        {
            var points = measured
                .Where(m => m.Metric(name)?.Summary is not null)
                .Select(m => new ChartPoint(Category(m), m.Metric(name)!.Summary!.Median * scale.Factor))
                .ToList();
            if (points.Count > 0) series.Add(new ChartSeries(label, points));
        }
        var rest = measured.Select(m => Remainder(m, scale)).ToList();
        series.Add(new ChartSeries("not attributed to a part", rest));
        return ChartFactory.Create("chart-cold-start", "Cold start in parts per engine and workload", ChartKind.StackedBars,
            new ChartAxis("Cold start, medians of the parts", scale.Unit), "Workload / engine", series,
            "Stacked bars of cold start (spawn to the first prediction's result, timed by the parent, dataset load excluded) " +
            "per workload and engine: process start, engine load, model build (weight file read and model built), first " +
            "prediction and the remainder no part accounts for.");
    }

    /// <summary>
    /// Total minus parts. Medians do not add: when the parts' medians exceed the total's, the remainder is drawn as zero
    /// and its note says by how much they exceed it, rather than drawing a negative part.
    /// </summary>
    private static ChartPoint Remainder(MeasurementRecord m, Formatting.DisplayScale scale)
    {
        var rest = m.Metric(MetricNames.ColdStart)!.Summary!.Median - ColdParts.Sum(p => m.Metric(p.Name)?.Summary?.Median ?? 0);
        return rest >= 0
            ? new ChartPoint(Category(m), rest * scale.Factor)
            : new ChartPoint(Category(m), 0, Note: $"the parts' medians exceed the total's by {ChartFactory.Number(-rest * scale.Factor)} {scale.Unit} (medians do not add)");
    }

    private static List<MeasurementRecord> With(ReportData data, string metric) =>
        [.. data.Ok(MeasurementKind.Inference).Where(m => m.Metric(metric)?.Summary is not null)];

    private static string Category(MeasurementRecord m) => $"{m.Workload} / {SeriesNames.For(m)}";

    private static string Category(ReportData data, MeasurementRecord m) =>
        data.Workload(m.Workload)?.ThroughputBatchSize is int b and > 0 ? $"{m.Workload} (batch {b})" : m.Workload;
}
