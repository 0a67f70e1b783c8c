using ScottPlot;
using Versus.Reports.Model;

namespace Versus.Reports.Html.Charts;

/// <summary>
/// One bar per category made of the series as parts, stacked in series order. Drawn on a linear axis whatever the
/// model asks: stacked parts on a log axis would show their lengths wrong. Parts' intervals do not add, so none are drawn.
/// </summary>
internal sealed class StackedBarsPainter : IChartPainter
{
    public ChartKind Kind => ChartKind.StackedBars;

    public Plot Paint(ChartBlock chart)
    {
        var plot = ChartTheme.NewPlot(chart with { ValueAxis = chart.ValueAxis with { Log = false } });
        var categories = new CategoryAxis(CategoryAxis.Of(chart.Series).Categories, seriesCount: 1);
        var top = categories.Categories.ToDictionary(c => c, _ => 0.0, StringComparer.Ordinal);
        var legend = new List<LegendItem>();
        for (var i = 0; i < chart.Series.Count; i++)
        {
            var style = SeriesStyle.For(chart.Series[i], i);
            var bars = new List<Bar>();
            foreach (var point in chart.Series[i].Points)
            {
                var bar = new Bar
                {
                    Position = categories.Position(point.Category, 0),
                    ValueBase = top[point.Category],
                    Value = top[point.Category] + point.Value,
                    Size = 0.6,
                };
                top[point.Category] = bar.Value;
                bars.Add(bar);
                style.Fill(bar.FillStyle, bar.LineStyle, point.Muted);
            }
            plot.Add.Bars(bars);
            legend.Add(style.FillItem());
        }
        categories.Apply(plot, plot.Axes.Bottom);
        var axis = chart.ValueAxis with { Log = false };
        ValueScale.For(axis, top.Values.Append(0)).Apply(plot, plot.Axes.Left);
        SeriesStyle.ShowLegend(plot, legend);
        return plot;
    }
}
