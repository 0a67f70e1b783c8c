using System.Globalization;
using Versus.Core.Results;
using Versus.Reports.Analysis;
using Versus.Reports.Charts;
using Versus.Reports.Formatting;
using Versus.Reports.Model;

namespace Versus.Reports.Sections;

/// <summary>What training achieved, not only how long it took: a fast engine that learns nothing is not faster.</summary>
internal sealed class TrainingOutcomeSection : IReportSection
{
    public void Write(ReportBuilder report, ReportData data)
    {
        report.Heading(2, "Training outcome");
        var measurements = data.Ok(MeasurementKind.Training);
        if (measurements.Count == 0)
        {
            report.Paragraph("No training measurement finished in this run.");
            return;
        }
        var table = new TableBuilder("Engine", "Workload", "Trained", "Final accuracy", "Time to target accuracy", "Final loss",
            "Loss per epoch (mean; test accuracy)", "Loss curve");
        foreach (var m in measurements)
        {
            table.Row(Labels.Code(m.Engine), m.Workload, Extent(TrainingExtent.Of(m), data.Workload(m.Workload)?.Epochs),
                SummaryText.Median(m.Metric(MetricNames.TrainFinalAccuracy)),
                TimeToTarget(m), SummaryText.Median(m.Metric(MetricNames.TrainFinalLoss)), PerEpoch(m.Curve),
                m.Curve.Count == 0 ? "not recorded" : $"{LossCurves.Sparkline(m.Curve)} ({m.Curve.Count} points)");
        }
        report.Table(table);
        foreach (var workload in measurements.GroupBy(m => m.Workload)) FlagUnlike(report, workload.Key, [.. workload]);
        foreach (var chart in LossCurveCharts.PerWorkload(data)) ChartPlacement.Add(report, data, chart, MeasurementKind.Training);
    }

    /// <summary>
    /// Engines that trained different numbers of epochs or images on one workload (a budget cut one short) sit in one
    /// table; this says so beside it, since their accuracy, loss and time to target were reached with different work.
    /// </summary>
    private static void FlagUnlike(ReportBuilder report, string workload, IReadOnlyList<MeasurementRecord> measurements)
    {
        var extents = measurements.Select(m => (m.Engine, Extent: TrainingExtent.Of(m))).ToList();
        if (extents.All(e => e.Extent.SameAs(extents[0].Extent))) return;
        report.Paragraph(Text.Strong("Not like for like") + " on " + Labels.Code(workload) + ": " +
            Text.Join(", ", extents.Select(e => Labels.Code(e.Engine) + $" trained {Extent(e.Extent, null)}")) +
            ". Their final accuracy and loss were reached with different amounts of training and are not comparable; " +
            "time to target accuracy and total training time are not compared between them.");
    }

    /// <summary>"2 epochs, 16384 images", with "of N planned" where a budget stopped it short.</summary>
    private static string Extent(TrainingExtent extent, int? planned)
    {
        if (extent.Epochs is not int epochs) return "not recorded";
        var text = epochs == 1 ? "1 epoch" : $"{epochs.ToString(CultureInfo.InvariantCulture)} epochs";
        if (planned is int p && p != epochs) text += $" of {p.ToString(CultureInfo.InvariantCulture)} planned";
        return extent.Images is long images ? $"{text}, {images.ToString(CultureInfo.InvariantCulture)} images" : text;
    }

    private static string TimeToTarget(MeasurementRecord m)
    {
        var metric = m.Metric(MetricNames.TrainTimeToAccuracy);
        // Without samples the target was not reached; the worker's note ("target test accuracy 0.8 not reached in 3
        // epoch(s)") says so with the target, and an absent metric still must not read as a blank.
        if (metric is not { Samples.Count: > 0 })
            return metric?.Note is not { } note ? "not reached" : note.Contains("not reached", StringComparison.OrdinalIgnoreCase) ? note : $"not reached ({note})";
        return metric.Note is { } n ? $"{SummaryText.Median(metric)} ({n})" : SummaryText.Median(metric);
    }

    private static string PerEpoch(IReadOnlyList<LossPoint> curve)
    {
        var epochs = LossCurves.PerEpoch(curve);
        if (epochs.Count == 0) return "not recorded";
        return string.Join("; ", epochs.Select(e =>
        {
            var loss = e.MeanLoss.ToString("0.000", CultureInfo.InvariantCulture);
            var accuracy = e.TestAccuracy is double a ? ", " + (a * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%" : "";
            return $"{e.Epoch}: {loss}{accuracy}";
        }));
    }
}
