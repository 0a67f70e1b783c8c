using System.Globalization;
using Versus.Core.Results;
using Versus.Reports.Analysis;
using Versus.Reports.Formatting;
using Versus.Reports.Model;

namespace Versus.Reports.Sections;

/// <summary>The machine the figures belong to, and its measured matrix-product peak (the yardstick for "share of peak").</summary>
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
            .Row("Matrix-product peak", Peak(data.Peak));
        report.Table(table);
    }

    private static string Peak(MachinePeak? peak)
    {
        if (peak is null) return "not measured in this run, so no share of peak is computed unless a worker gave one";
        var metric = peak.Source.Metric(MetricNames.MatmulGflops);
        var via = peak.Source.EngineInfo is { } info ? $"{peak.Source.Engine}, {Labels.Framework(info)}" : peak.Source.Engine;
        return $"{SummaryText.MedianWithInterval(metric)} (measured through {via})";
    }
}
