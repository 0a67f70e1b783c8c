using Versus.Core.Results;
using Versus.Reports.Analysis;
using Versus.Reports.Formatting;
using Versus.Reports.Model;

namespace Versus.Reports.Charts;

/// <summary>The depth sweep: time against N per engine, with the 95% interval as a band and the growth factor in the legend.</summary>
internal static class DepthCharts
{
    public static IEnumerable<ChartBlock> Sweep(ReportData data, string family)
    {
        var points = data.DepthSweep(family);
        if (Chart(points, family, "latency", "Batch-1 latency", p => p.Latency, p => p.LatencyGrowth) is { } latency) yield return latency;
        if (Chart(points, family, "training-step", "Training step", p => p.Step, p => p.StepGrowth) is { } step) yield return step;
    }

    private static ChartBlock? Chart(IReadOnlyList<DepthPoint> points, string family, string id, string what,
        Func<DepthPoint, MetricRecord?> metric, Func<DepthPoint, Growth?> growth)
    {
        var measured = points.Where(p => metric(p)?.Summary is not null).ToList();
        if (measured.Count == 0) return null;
        var scale = MetricPoints.Scale(measured.Select(p => metric(p)!), "ms");
        var series = measured
            .GroupBy(p => SeriesNames.For(p.Source), StringComparer.Ordinal)
            .Select(g => new ChartSeries($"{g.Key}{GrowthSuffix(g.ToList(), growth)}",
                [.. g.Select(p => MetricPoints.Point($"{family}-{p.N}", metric(p), scale, x: p.N)! with { Note = GrowthNote(growth(p)) })]))
            .ToList();
        return ChartFactory.Create($"chart-depth-{id}", $"{what} against depth N ({family}-N)", ChartKind.Lines,
            new ChartAxis($"{what}, median", scale.Unit, Log: true), "N", series,
            $"{what} median against the number of residual blocks N, one line per engine, log scale, with the 95% interval " +
            "as a band; the legend gives how many times the smallest N's figure the largest N's is.");
    }

    /// <summary>" ×3.9 from N=2 to 16" for the legend: the growth of the largest N over the smallest.</summary>
    private static string GrowthSuffix(List<DepthPoint> points, Func<DepthPoint, Growth?> growth)
    {
        var last = points.LastOrDefault(p => growth(p) is { IsBaseline: false });
        if (last is null || growth(last)!.Ratio is not { } ratio) return "";
        return $": {RatioText.Point(ratio)} from N={points[0].N} to {last.N}";
    }

    private static string? GrowthNote(Growth? growth) => growth switch
    {
        null => null,
        { Ratio: null } => "baseline (smallest N)",
        { Ratio: { } r } => $"{RatioText.Format(r)} the smallest N",
    };
}
