using System.Globalization;
using Versus.Core.Measurement;
using Versus.Core.Results;
using Versus.Reports.Analysis;
using Versus.Reports.Formatting;
using Versus.Reports.Model;

namespace Versus.Reports.Sections;

/// <summary>
/// Every finished measurement with what qualifies its figures: why sampling stopped, how many samples, their spread,
/// outlier flags, peak memory, and achieved GFLOP/s against the machine's own matmul peak.
/// </summary>
internal sealed class MeasurementDetailsSection : IReportSection
{
    public void Write(ReportBuilder report, ReportData data)
    {
        report.Heading(2, "Measurements in detail");
        var measurements = data.All().Where(m => m.Status == MeasurementStatus.Ok).ToList();
        if (measurements.Count == 0)
        {
            report.Paragraph("No measurement finished in this run.");
            return;
        }
        var overview = new TableBuilder("Measurement", "Engine", "Workload", "Kind", "Stop reason", "Duration", "Peak RSS",
            "Achieved GFLOP/s", "Share of machine peak", "Warm-up", MeasurementNote.Column);
        foreach (var m in measurements)
        {
            var gflops = ReportData.Gflops(m);
            overview.Row(Labels.Code(m.Id), Labels.Code(m.Engine), m.Workload, Labels.Kind(m.Kind), Labels.Stop(m.StopReason),
                Units.Format((m.FinishedAt - m.StartedAt).TotalSeconds, "s"),
                m.PeakRssBytes is long rss ? Units.Bytes(rss) : "not reported",
                m.Kind == MeasurementKind.MachinePeak ? SummaryText.Missing : SummaryText.MedianWithInterval(gflops),
                m.Kind == MeasurementKind.MachinePeak ? SummaryText.Missing : Share(data, m), Warmup(m), MeasurementNote.Cell(m));
        }
        report.Table(overview);

        report.Heading(3, "Samples");
        var samples = new TableBuilder("Engine", "Workload", "Kind", "Metric", "Samples", "Median [95% CI]", "CV", "Flags");
        foreach (var m in measurements)
            foreach (var metric in m.Metrics)
                samples.Row(Labels.Code(m.Engine), m.Workload, Labels.Kind(m.Kind), metric.Name,
                    metric.Samples.Count.ToString(CultureInfo.InvariantCulture), SummaryText.MedianWithInterval(metric),
                    SummaryText.Cv(metric), SummaryText.Flags(metric));
        report.Table(samples);
        report.Paragraph("CV is the standard deviation over the mean. Outliers are counted by Tukey's fences and kept in the sample.");
    }

    /// <summary>"latency: 2,100 calls in 1.0 s; throughput: 12 calls in 1.1 s": what warm-up each phase really had.</summary>
    private static string Warmup(MeasurementRecord m) => m.Warmup is { Count: > 0 } warmups
        ? string.Join("; ", warmups.Select(w => string.Create(CultureInfo.InvariantCulture,
            $"{w.Label ?? Labels.Warmup(w.Phase)}: {w.Calls} calls in {w.Seconds:0.0} s")))
        : "not recorded";

    private static string Share(ReportData data, MeasurementRecord m)
    {
        if (data.PeakShare(m) is not double share) return data.WhyNoPeakShare(m);
        var percent = (share * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";
        // Over 100% is not a finding: the peak is the best timed matrix product, not the device's ceiling.
        return share > 1 ? $"{percent} (above the best timed matrix product: {PeakShare.NotACeiling})" : percent;
    }
}
