using ScottPlot;
using Versus.Reports.Model;

namespace Versus.Reports.Html.Charts;

/// <summary>
/// One line per series over the numeric x (depth N, epoch; a point's index where it has none), with its 95% interval as a
/// translucent band where the points carry one. Cited series are thin pale lines with open markers; invalid points grey diamonds; flagged points (a change) open diamonds.
/// </summary>
internal sealed class LinesPainter : IChartPainter
{
    public ChartKind Kind => ChartKind.Lines;

    public Plot Paint(ChartBlock chart)
    {
        var plot = ChartTheme.NewPlot(chart);
        var scale = ValueScale.For(chart.ValueAxis, Intervals.Extent(chart));
        var legend = new List<LegendItem>();
        var anyMuted = false;
        var anyFlagged = false;
        for (var i = 0; i < chart.Series.Count; i++)
        {
            var style = SeriesStyle.For(chart.Series[i], i);
            var points = chart.Series[i].Points.Select((p, index) => (Point: p, X: p.X ?? index)).OrderBy(p => p.X).ToList();
            if (points.Count == 0) continue;
            var banded = points.Where(p => p.Point.Low is not null && p.Point.High is not null).ToList();
            if (banded.Count > 1)
            {
                var band = plot.Add.FillY(
                    [.. banded.Select(p => p.X)],
                    [.. banded.Select(p => scale.Map(p.Point.Low!.Value))],
                    [.. banded.Select(p => scale.Map(p.Point.High!.Value))]);
                band.FillColor = style.Color.WithOpacity(.2);
                band.LineWidth = 0;
            }
            var line = plot.Add.Scatter(
                points.Select(p => p.X).ToArray(), points.Select(p => scale.Map(p.Point.Value)).ToArray(), style.LineColor);
            line.LineWidth = style.LineWidth;
            line.MarkerColor = style.Color;
            line.MarkerShape = style.Cited ? MarkerShape.OpenCircle : MarkerShape.FilledCircle;
            line.MarkerSize = points.Count > 40 ? 0 : 7;
            foreach (var muted in points.Where(p => p.Point.Muted))
                plot.Add.Marker(muted.X, scale.Map(muted.Point.Value), MarkerShape.FilledDiamond, 12, ChartTheme.Muted);
            anyMuted |= points.Any(p => p.Point.Muted);
            foreach (var flagged in points.Where(p => p.Point.Flagged))
                plot.Add.Marker(flagged.X, scale.Map(flagged.Point.Value), MarkerShape.OpenDiamond, 18, ChartTheme.Flagged);
            anyFlagged |= points.Any(p => p.Point.Flagged);
            legend.Add(style.LineItem());
        }
        if (anyMuted) legend.Add(SeriesStyle.MutedItem("grey: invalid, not a result"));
        if (anyFlagged) legend.Add(SeriesStyle.FlaggedItem("open diamond: changed from the point before"));
        plot.Axes.AutoScaleX();
        // Depth N and epochs are counts: no tick at N=2.5.
        var xs = chart.Series.SelectMany(s => s.Points).Select(p => p.X).ToList();
        if (xs.All(x => x is null || x == Math.Floor(x.Value)))
            plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
        scale.Apply(plot, plot.Axes.Left);
        SeriesStyle.ShowLegend(plot, legend);
        return plot;
    }
}
