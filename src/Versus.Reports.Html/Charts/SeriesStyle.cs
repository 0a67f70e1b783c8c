using ScottPlot;
using Versus.Reports.Model;

namespace Versus.Reports.Html.Charts;

/// <summary>
/// How a series looks and how the legend names it. Cited figures are a pale tint of their colour with a coloured outline
/// (thin pale lines, open markers) and are named "(cited)": they come from the deck's sources, not from this machine, and
/// must not pass for measurements. Neither hatched nor dashed: ScottPlot's hatches are Skia shaders and its dashes Skia
/// path effects, and Skia's SVG export drops both (drawing a dashed line solid, and printing "Unsupported path effect").
/// </summary>
internal sealed record SeriesStyle(string Legend, Color Color, bool Cited)
{
    public static SeriesStyle For(ChartSeries series, int index) =>
        new(series.Cited ? $"{series.Name} (cited)" : $"{series.Name} (measured here)", ChartTheme.SeriesColor(index), series.Cited);

    public void Fill(FillStyle fill, LineStyle outline, bool muted)
    {
        var color = muted ? ChartTheme.Muted : Color;
        fill.Color = Cited ? color.Lighten(0.75) : color;
        outline.Color = Cited ? color : Colors.Black.WithOpacity(.6);
        outline.Width = Cited ? 2 : 1;
    }

    public LegendItem FillItem()
    {
        var item = new LegendItem { LabelText = Legend, LabelFontSize = 15 };
        Fill(item.FillStyle, item.OutlineStyle, muted: false);
        return item;
    }

    public LegendItem LineItem() => new()
    {
        LabelText = Legend,
        LabelFontSize = 15,
        LineColor = LineColor,
        LineWidth = LineWidth,
        MarkerShape = Cited ? MarkerShape.OpenCircle : MarkerShape.FilledCircle,
        MarkerSize = 8,
        MarkerColor = Color,
    };

    /// <summary>A cited line is thinner and paler than a measured one, with open markers.</summary>
    public Color LineColor => Cited ? Color.Lighten(0.45) : Color;

    public float LineWidth => Cited ? 1.5f : 2.5f;

    public static LegendItem MutedItem(string label) => new()
    {
        LabelText = label,
        LabelFontSize = 15,
        MarkerShape = MarkerShape.FilledDiamond,
        MarkerSize = 10,
        MarkerColor = ChartTheme.Muted,
    };

    public static LegendItem FlaggedItem(string label) => new()
    {
        LabelText = label,
        LabelFontSize = 15,
        MarkerShape = MarkerShape.OpenDiamond,
        MarkerSize = 12,
        MarkerColor = ChartTheme.Flagged,
    };

    /// <summary>The legend goes under the plot, outside the data, where it cannot hide a bar.</summary>
    public static void ShowLegend(Plot plot, IEnumerable<LegendItem> items)
    {
        var list = items.ToList();
        if (list.Count == 0) return;
        plot.ShowLegend(Edge.Bottom);
        plot.Legend.ManualItems.AddRange(list);
    }
}
