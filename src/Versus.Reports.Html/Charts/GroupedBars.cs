using ScottPlot;
using Versus.Reports.Model;

namespace Versus.Reports.Html.Charts;

/// <summary>
/// Bars grouped by category, one per series, with their intervals: the shape of <see cref="ChartKind.Bars"/> and of
/// <see cref="ChartKind.Scores"/>, which adds a fixed scale and marks a missing score "unknown" instead of drawing nothing.
/// </summary>
internal static class GroupedBars
{
    public static Plot Paint(ChartBlock chart, bool markUnknown)
    {
        var plot = ChartTheme.NewPlot(chart);
        var categories = CategoryAxis.Of(chart.Series);
        var scale = ValueScale.For(chart.ValueAxis, Intervals.Extent(chart), fromDecade: true);
        var legend = new List<LegendItem>();
        var anyMuted = false;
        for (var i = 0; i < chart.Series.Count; i++)
        {
            var series = chart.Series[i];
            var style = SeriesStyle.For(series, i);
            var placed = series.Points.Select(p => (Point: p, At: categories.Position(p.Category, i))).ToList();
            var bars = placed.Select(p => new Bar
            {
                Position = p.At,
                Value = scale.Map(p.Point.Value),
                ValueBase = scale.Log ? scale.Low : Math.Max(0, scale.Low),
                Size = categories.Slot * 0.9,
                Label = p.Point.Muted ? "invalid" : string.Empty,
            }).ToList();
            var plottable = plot.Add.Bars(bars);
            plottable.ValueLabelStyle.FontSize = 14;
            for (var b = 0; b < bars.Count; b++) style.Fill(bars[b].FillStyle, bars[b].LineStyle, placed[b].Point.Muted);
            anyMuted |= placed.Any(p => p.Point.Muted);
            Intervals.Add(plot, placed, scale);
            if (markUnknown) MarkUnknown(plot, categories, series, i, scale);
            legend.Add(style.FillItem());
        }
        if (anyMuted) legend.Add(SeriesStyle.MutedItem("grey: invalid, not a result"));
        categories.Apply(plot, plot.Axes.Bottom);
        scale.Apply(plot, plot.Axes.Left);
        if (markUnknown && !scale.Log)
            plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
        SeriesStyle.ShowLegend(plot, legend);
        return plot;
    }

    private static void MarkUnknown(Plot plot, CategoryAxis categories, ChartSeries series, int index, ValueScale scale)
    {
        foreach (var category in categories.Categories.Where(c => series.Points.All(p => p.Category != c)))
        {
            var text = plot.Add.Text("unknown", categories.Position(category, index), scale.Map(Math.Max(0, scale.Low)));
            text.LabelFontSize = 13;
            text.LabelFontColor = Colors.Black.WithOpacity(.7);
            text.LabelRotation = -90;
            text.LabelAlignment = Alignment.MiddleLeft;
            text.OffsetY = -4;
        }
    }
}
