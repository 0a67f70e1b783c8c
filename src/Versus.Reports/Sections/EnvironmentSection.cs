using System.Globalization;
using Versus.Core.Engines;
using Versus.Core.Environments;
using Versus.Core.Results;
using Versus.Reports.Analysis;
using Versus.Reports.Formatting;
using Versus.Reports.Model;

namespace Versus.Reports.Sections;

/// <summary>
/// The machine the figures belong to, every engine's measured matrix-product peak (the best on a device is the
/// yardstick for "share of peak" on it) and the CPU's peak on paper, with how it was worked out.
/// </summary>
internal sealed class EnvironmentSection : IReportSection
{
    public void Write(ReportBuilder report, ReportData data)
    {
        var e = data.Results.Environment;
        report.Heading(2, "Environment");
        var cores = e.PhysicalCores is int physical
            ? $"{e.LogicalCores} logical, {physical} physical"
            : $"{e.LogicalCores} logical (physical count unknown)";
        var table = new TableBuilder("Machine", "Value")
            .Row("CPU", e.CpuModel)
            .Row("Architecture", e.Architecture)
            .Row("CPU features", e.CpuFeatures.Count == 0 ? "none reported" : string.Join(", ", e.CpuFeatures))
            .Row("Cores", cores)
            .Row("Threads used per engine", data.Results.Options.Threads.ToString(CultureInfo.InvariantCulture))
            .Row("Memory", $"{Units.Bytes(e.MemoryBytes)} total, {Units.Bytes(e.AvailableMemoryBytes)} available at start")
            .Row("Operating system", e.OperatingSystem)
            .Row("Kernel", e.Kernel)
            .Row(".NET", e.DotnetVersion)
            .Row("Versus", e.VersusVersion)
            .Row("Machine name", e.MachineName)
            .Row("Theoretical fp32 peak", Theoretical(e.TheoreticalPeak));
        report.Table(table);
        Peaks(report, data);
    }

    private static string Theoretical(TheoreticalPeak? peak) => peak switch
    {
        null => "not recorded (results from before schema 1.2)",
        { Gflops: double g } => $"{Units.Format(g, "GFLOP/s")}: {peak.Basis}",
        _ => peak.Basis,
    };

    private static void Peaks(ReportBuilder report, ReportData data)
    {
        var measured = data.All().Where(m => m.Kind == MeasurementKind.MachinePeak && m.Status == MeasurementStatus.Ok).ToList();
        if (measured.Count == 0)
        {
            report.Paragraph("No matrix-product peak was measured in this run, so no share of peak is computed.");
            return;
        }
        var best = data.Peaks.All.GroupBy(p => p.Device).Select(g => g.MaxBy(p => p.Gflops)!.Source).ToHashSet();
        var table = new TableBuilder("Engine", "Device", "Best fp32 matrix product, median [95% CI]", "By size", "Used for share of peak");
        foreach (var m in measured)
        {
            var sizes = m.Metrics.Where(x => x.Name.StartsWith(MetricNames.MatmulGflops + ".", StringComparison.Ordinal))
                .Select(x => $"{x.Note?.Split(' ')[0] ?? x.Name}: {SummaryText.Median(x)}");
            var device = m.EngineInfo is { } info ? EngineDevice.DescriptionOf(info) ?? "not reported" : "not reported";
            table.Row(Labels.Code(m.Engine), device, SummaryText.MedianWithInterval(m.Metric(MetricNames.MatmulGflops)),
                string.Join("; ", sizes), best.Contains(m) ? "yes: the best on its device" : "no");
        }
        report.Heading(3, "Matrix-product peaks");
        report.Table(table);
        report.Note("Each engine times its own n x n fp32 matrix product at several sizes; a figure's share of peak is " +
            "against the best of them on the same device, and none is given for a GPU API on a software renderer.");
    }
}
