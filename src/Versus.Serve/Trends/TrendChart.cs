using System.Globalization;
using Versus.Reports.Model;

namespace Versus.Serve.Trends;

/// <summary>
/// A trend as the report's own chart model (a Lines chart, 95% interval as a band), so the report's ScottPlot painter
/// draws it and its data table and description are its text alternative.
/// </summary>
internal static class TrendChart
{
    public static ChartBlock Build(TrendQuery query, IReadOnlyList<TrendPoint> points)
    {
        var unit = points[0].Unit;
        var series = new ChartSeries(query.Engine, [.. points.Select((p, i) => new ChartPoint(p.RunId, p.Median, p.Low, p.High, X: i + 1))]);
        var table = new TableBuilder("#", "Run", "Started (UTC)", "Engine version", $"Median ({unit})", "95% interval", "Samples");
        for (var i = 0; i < points.Count; i++)
        {
            var p = points[i];
            table.Row((i + 1).ToString(CultureInfo.InvariantCulture), Text.Code(p.RunId),
                p.StartedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), p.EngineVersion,
                Format(p.Median), p is { Low: { } low, High: { } high } ? $"{Format(low)} – {Format(high)}" : "no interval (fewer than 10 samples)", p.Samples.ToString(CultureInfo.InvariantCulture));
        }
        var first = points[0];
        var last = points[^1];
        var versions = points.Select(p => p.EngineVersion).Distinct().ToList();
        var description = string.Create(CultureInfo.InvariantCulture,
            $"{points.Count} run(s) of {query.Engine} on {query.Workload} on {query.Machine}, oldest first (x is the run's number in the table). ")
            + $"The median {query.Metric} went from {Format(first.Median)} {unit} to {Format(last.Median)} {unit}; "
            + (versions.Count == 1 ? $"every run used {versions[0]}." : $"engine versions: {string.Join(", ", versions)}.");
        return new ChartBlock("trend", $"{query.Metric} of {query.Engine} on {query.Workload} ({query.Machine})", ChartKind.Lines,
            new ChartAxis(query.Metric, unit), "run", [series], description, table.Build());
    }

    private static string Format(double value) => value.ToString(Math.Abs(value) >= 100 ? "0.#" : "0.###", CultureInfo.InvariantCulture);
}
