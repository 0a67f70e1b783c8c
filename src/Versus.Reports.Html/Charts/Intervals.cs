using ScottPlot;
using ScottPlot.Plottables;
using Versus.Reports.Model;

namespace Versus.Reports.Html.Charts;

/// <summary>95% intervals as error bars, asymmetric as they are (a ratio's interval is not symmetric, least of all on a log axis).</summary>
internal static class Intervals
{
    /// <param name="at">Each point's position across the value axis.</param>
    public static void Add(Plot plot, IReadOnlyList<(ChartPoint Point, double At)> points, ValueScale scale, bool valueOnX = false)
    {
        var withInterval = points.Where(p => p.Point.Low is not null && p.Point.High is not null).ToList();
        if (withInterval.Count == 0) return;
        var at = withInterval.Select(p => p.At).ToList();
        var value = withInterval.Select(p => scale.Map(p.Point.Value)).ToList();
        var above = withInterval.Select(p => Math.Max(0, scale.Map(p.Point.High!.Value) - scale.Map(p.Point.Value))).ToList();
        var below = withInterval.Select(p => Math.Max(0, scale.Map(p.Point.Value) - scale.Map(p.Point.Low!.Value))).ToList();
        var bars = valueOnX
            ? new ErrorBar(value, at, above, below, null, null)
            : new ErrorBar(at, value, null, null, above, below);
        bars.LineColor = Colors.Black;
        bars.LineWidth = 1.5f;
        bars.CapSize = 7;
        plot.Add.Plottable(bars);
    }

    /// <summary>Every figure the chart draws, so the value axis can be fitted to all of them.</summary>
    public static IEnumerable<double> Extent(ChartBlock chart) => chart.Series.SelectMany(s => s.Points).SelectMany(p =>
        new[] { p.Value, p.Low ?? p.Value, p.High ?? p.Value }.Concat(p.Samples ?? []));
}
