using ScottPlot;
using Versus.Reports.Model;

namespace Versus.Reports.Html.Charts;

/// <summary>
/// A box per category and series from the point's samples; a point without samples is drawn as its value with its
/// interval as the box, so it is still seen.
/// </summary>
internal sealed class BoxPainter : IChartPainter
{
    public ChartKind Kind => ChartKind.Box;

    public Plot Paint(ChartBlock chart)
    {
        var plot = ChartTheme.NewPlot(chart);
        var categories = CategoryAxis.Of(chart.Series);
        var scale = ValueScale.For(chart.ValueAxis, Intervals.Extent(chart), fromZero: false);
        var legend = new List<LegendItem>();
        for (var i = 0; i < chart.Series.Count; i++)
        {
            var style = SeriesStyle.For(chart.Series[i], i);
            var outliers = new List<Coordinates>();
            foreach (var point in chart.Series[i].Points)
            {
                var at = categories.Position(point.Category, i);
                var shape = BoxShape.Of(point.Samples)
                    ?? new BoxShape(point.Low ?? point.Value, point.Value, point.High ?? point.Value, point.Low ?? point.Value,
                        point.High ?? point.Value, []);
                var box = new Box
                {
                    Position = at,
                    BoxMin = scale.Map(shape.Q1),
                    BoxMax = scale.Map(shape.Q3),
                    BoxMiddle = scale.Map(shape.Median),
                    WhiskerMin = scale.Map(shape.WhiskerLow),
                    WhiskerMax = scale.Map(shape.WhiskerHigh),
                    Width = categories.Slot * 0.8,
                };
                plot.Add.Box(box);
                style.Fill(box.FillStyle, box.LineStyle, point.Muted);
                box.LineStyle.Color = Colors.Black;
                outliers.AddRange(shape.Outliers.Select(v => new Coordinates(at, scale.Map(v))));
            }
            if (outliers.Count > 0)
            {
                var dots = plot.Add.ScatterPoints(outliers.ToArray(), style.Color);
                dots.MarkerShape = MarkerShape.OpenCircle;
                dots.MarkerSize = 6;
            }
            legend.Add(style.FillItem());
        }
        categories.Apply(plot, plot.Axes.Bottom);
        scale.Apply(plot, plot.Axes.Left);
        SeriesStyle.ShowLegend(plot, legend);
        return plot;
    }
}
