using Versus.Core.Results;
using Versus.Reports.Analysis;
using Versus.Reports.Cited;
using Versus.Reports.Formatting;
using Versus.Reports.Model;

namespace Versus.Reports.Charts;

/// <summary>The deck's training slides as charts: total training time per engine and workload, and step-time distributions.</summary>
internal static class TrainingCharts
{
    /// <summary>Total training time, log scale (seconds here, the deck's hours there), the deck's figures as a cited series.</summary>
    public static ChartBlock? TotalTime(ReportData data)
    {
        var measured = data.Ok(MeasurementKind.Training).Where(m => m.Metric(MetricNames.TrainTotal)?.Summary is not null).ToList();
        if (measured.Count == 0) return null;
        var scale = MetricPoints.Scale(measured.Select(m => m.Metric(MetricNames.TrainTotal)!), "s");
        var series = BySeries(measured, m => MetricPoints.Point(m.Workload, m.Metric(MetricNames.TrainTotal), scale));
        foreach (var framework in CitedRows(data, CitedTableIds.TotalTrainingTime, MetricNames.TrainTotal))
            series.Add(new ChartSeries(framework.Name, [framework.Point(scale)], Cited: true));
        return ChartFactory.Create("chart-training-total", "Total training time per engine and workload", ChartKind.Bars,
            new ChartAxis("Total training time", scale.Unit, Log: true), "Workload", series,
            "Bars of total training time per workload, one per engine, log scale, with 95% intervals where there are " +
            "enough samples; the deck's cited totals (hours, on its own workload and hardware) stand apart, labelled cited.");
    }

    /// <summary>Every timed training step as a box per engine and workload: spread and outliers, not only the median.</summary>
    public static ChartBlock? StepDistribution(ReportData data)
    {
        var measured = data.Ok(MeasurementKind.Training).Where(m => m.Metric(MetricNames.TrainStep) is { Samples.Count: > 0 }).ToList();
        if (measured.Count == 0) return null;
        var scale = MetricPoints.Scale(measured.Select(m => m.Metric(MetricNames.TrainStep)!), "ms");
        var series = BySeries(measured, m => MetricPoints.Point(m.Workload, m.Metric(MetricNames.TrainStep), scale, withSamples: true));
        return ChartFactory.Create("chart-training-steps", "Training step time distribution per engine and workload", ChartKind.Box,
            new ChartAxis("Step time", scale.Unit, Log: true), "Workload", series,
            "Box plots of the timed training steps (warm-up excluded) per workload and engine, log scale: the box spans the " +
            "quartiles, the line is the median, whiskers reach the extremes.");
    }

    internal static List<ChartSeries> BySeries(IEnumerable<MeasurementRecord> measurements, Func<MeasurementRecord, ChartPoint?> point) =>
        [.. measurements
            .GroupBy(SeriesNames.For, StringComparer.Ordinal)
            .Select(g => new ChartSeries(g.Key, [.. g.Select(point).OfType<ChartPoint>()]))
            .Where(s => s.Points.Count > 0)];

    /// <summary>The deck's value for a metric per framework, as one point on a category of its own ("deck: ...").</summary>
    internal static IEnumerable<CitedPoint> CitedRows(ReportData data, string table, string metric) =>
        data.Cited.InTable(table)
            .Where(f => f.Metric == metric && CitedSeconds(f.Unit) is not null)
            .Select(f => new CitedPoint($"{f.Framework}, {f.Source}", f.Value * CitedSeconds(f.Unit)!.Value));

    // The deck quotes inference per image ("s/image"): a time per call at batch 1, which is what it is set beside.
    private static double? CitedSeconds(string unit) => Units.SecondsPer(unit) ?? (unit == "s/image" ? 1 : null);
}
