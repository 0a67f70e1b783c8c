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
        var changes = TrendChanges.Of(points);
        var series = new ChartSeries(query.Engine, [.. points.Select((p, i) => new ChartPoint(p.RunId, p.Median, p.Low, p.High, X: i + 1,
            Note: changes[i] is { Changed: true } c ? Change(c) : null, Flagged: changes[i] is { Changed: true }))]);
        var table = new TableBuilder("#", "Run", "Started (UTC)", "Engine version", $"Median ({unit})", "95% interval", "Samples",
            "Change from the run before");
        for (var i = 0; i < points.Count; i++)
        {
            var p = points[i];
            table.Row((i + 1).ToString(CultureInfo.InvariantCulture), Text.Code(p.RunId),
                p.StartedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), p.EngineVersion,
                Format(p.Median), p is { Low: { } low, High: { } high } ? $"{Format(low)} – {Format(high)}" : "no interval (fewer than 10 samples)", p.Samples.ToString(CultureInfo.InvariantCulture),
                changes[i] switch
                {
                    null => i == 0 ? "—" : "untested (fewer than 3 samples)",
                    { Changed: true } c => Change(c),
                    var c => string.Create(CultureInfo.InvariantCulture, $"no change ({c.Ratio:0.00}x, q={c.AdjustedPValue:0.###})"),
                });
        }
        var first = points[0];
        var last = points[^1];
        var versions = points.Select(p => p.EngineVersion).Distinct().ToList();
        var description = string.Create(CultureInfo.InvariantCulture,
            $"{points.Count} run(s) of {query.Engine} on {query.Workload} on {query.Machine}, oldest first (x is the run's number in the table). ")
            + $"The median {query.Metric} went from {Format(first.Median)} {unit} to {Format(last.Median)} {unit}; "
            + (versions.Count == 1 ? $"every run used {versions[0]}." : $"engine versions: {string.Join(", ", versions)}.")
            + ChangeSentence(points, changes);
        return new ChartBlock("trend", $"{query.Metric} of {query.Engine} on {query.Workload} ({query.Machine})", ChartKind.Lines,
            new ChartAxis(query.Metric, unit), "run", [series], description, table.Build());
    }

    private static string Change(TrendChange c) =>
        string.Create(CultureInfo.InvariantCulture, $"{c.Direction} ({c.Ratio:0.00}x, q={c.AdjustedPValue:0.###})");

    /// <summary>The change points in words, for the chart's text alternative.</summary>
    private static string ChangeSentence(IReadOnlyList<TrendPoint> points, IReadOnlyList<TrendChange?> changes)
    {
        var moved = Enumerable.Range(0, points.Count).Where(i => changes[i] is { Changed: true }).ToList();
        return moved.Count == 0
            ? " No run moved beyond 5% from the one before it (Mann-Whitney, Benjamini-Hochberg)."
            : $" It moved at run(s) {string.Join(", ", moved.Select(i => $"#{i + 1} ({points[i].RunId}: {Change(changes[i]!)})"))}, each against the run before it (Mann-Whitney beyond 5%, Benjamini-Hochberg); open diamonds mark them.";
    }

    private static string Format(double value) => value.ToString(Math.Abs(value) >= 100 ? "0.#" : "0.###", CultureInfo.InvariantCulture);
}
