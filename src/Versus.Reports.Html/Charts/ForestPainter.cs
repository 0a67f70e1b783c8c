using ScottPlot;
using Versus.Reports.Model;

namespace Versus.Reports.Html.Charts;

/// <summary>
/// A forest plot: one row per comparison, the ratio as a square and its interval as a line, a thin grey reference at 1
/// (no difference). Rows whose comparison is invalid are grey and say so in their label, with the note beside the point.
/// </summary>
internal sealed class ForestPainter : IChartPainter
{
    public ChartKind Kind => ChartKind.Forest;

    public Plot Paint(ChartBlock chart)
    {
        var plot = ChartTheme.NewPlot(chart, valueOnX: true);
        var rows = chart.Series.SelectMany((s, i) => s.Points.Select(p => (Series: s, Index: i, Point: p))).ToList();
        var labels = rows.Select(r => Label(chart, r.Series, r.Point)).ToList();
        var scale = ValueScale.For(chart.ValueAxis, Intervals.Extent(chart).Append(1));
        plot.Add.VerticalLine(scale.Map(1), 1.5f, Colors.Black.WithOpacity(.45));
        for (var row = 0; row < rows.Count; row++)
        {
            var (series, index, point) = rows[row];
            var color = point.Muted ? ChartTheme.Muted : SeriesStyle.For(series, index).Color;
            Intervals.Add(plot, [(point, row)], scale, valueOnX: true);
            plot.Add.Marker(scale.Map(point.Value), row, MarkerShape.FilledSquare, 12, color);
            if (point.Muted)
            {
                // Under the point, where it has the row's width; beside it, a long note would run out of the frame.
                var note = plot.Add.Text(point.Note ?? "invalid", scale.Map(point.Value), row);
                note.LabelFontSize = 13;
                note.LabelFontColor = Colors.Black.WithOpacity(.7);
                note.LabelAlignment = Alignment.UpperCenter;
                note.OffsetY = 10;
            }
        }
        new CategoryAxis(labels, seriesCount: 1).Apply(plot, plot.Axes.Left);
        scale.Apply(plot, plot.Axes.Bottom);
        var legend = chart.Series.Count > 1 ? chart.Series.Select((s, i) => SeriesStyle.For(s, i).LineItem()).ToList() : [];
        if (rows.Any(r => r.Point.Muted)) legend.Add(SeriesStyle.MutedItem("grey: invalid comparison"));
        SeriesStyle.ShowLegend(plot, legend);
        return plot;
    }

    private static string Label(ChartBlock chart, ChartSeries series, ChartPoint point)
    {
        var label = chart.Series.Count > 1 ? $"{point.Category} · {series.Name}" : point.Category;
        return point.Muted ? $"{label} (invalid)" : label;
    }
}
