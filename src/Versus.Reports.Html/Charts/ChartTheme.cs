using ScottPlot;
using Versus.Reports.Model;

namespace Versus.Reports.Html.Charts;

/// <summary>
/// What every chart shares: size, text sizes readable on a laptop once scaled to the page width, and the Okabe-Ito
/// palette, which stays distinguishable with the common colour-vision deficiencies.
/// </summary>
internal static class ChartTheme
{
    public const int Width = 900;

    private const int Height = 420;

    private static readonly Color[] Palette =
    [
        Color.FromHex("#0072B2"), Color.FromHex("#E69F00"), Color.FromHex("#009E73"), Color.FromHex("#CC79A7"),
        Color.FromHex("#56B4E9"), Color.FromHex("#D55E00"), Color.FromHex("#F0E442"), Color.FromHex("#000000"),
    ];

    /// <summary>Invalid results: grey, so the eye does not read them as a finding.</summary>
    public static readonly Color Muted = Color.FromHex("#A0A0A0");

    /// <summary>A point that stands out (a change point): Okabe-Ito vermillion, drawn as an open ring around the point.</summary>
    public static readonly Color Flagged = Color.FromHex("#D55E00");

    /// <summary>
    /// A sans-serif face that is installed here: Skia bakes each glyph's position into the SVG, so the page's CSS names
    /// the same face first and metric-compatible ones after it (Verdana is DejaVu Sans' ancestor).
    /// </summary>
    private static readonly string FontName =
        new[] { "DejaVu Sans", "Verdana", "Liberation Sans", "Arial", "Noto Sans", "Segoe UI" }
            .FirstOrDefault(name => Fonts.GetTypeface(name, bold: false, italic: false)?.FamilyName == name)
        ?? Fonts.Sans;

    public static Color SeriesColor(int index) => Palette[index % Palette.Length];

    /// <summary>A forest plot grows with its rows so that each row's label stays readable.</summary>
    public static int HeightFor(ChartBlock chart) => chart.Kind == ChartKind.Forest
        ? Math.Max(Height, 120 + (46 * chart.Series.Sum(s => s.Points.Count)))
        : Height;

    /// <summary>Fonts, axis titles and the frame; <paramref name="valueOnX"/> for charts whose values run across (forest).</summary>
    public static Plot NewPlot(ChartBlock chart, bool valueOnX = false)
    {
        var plot = new Plot();
        plot.Font.Set(FontName);
        plot.FigureBackground.Color = Colors.White;
        foreach (var axis in new IAxis[] { plot.Axes.Left, plot.Axes.Bottom })
        {
            axis.Label.FontSize = 17;
            axis.TickLabelStyle.FontSize = 15;
        }
        var valueAxis = valueOnX ? (IAxis)plot.Axes.Bottom : plot.Axes.Left;
        var categoryAxis = valueOnX ? (IAxis)plot.Axes.Left : plot.Axes.Bottom;
        valueAxis.Label.Text = AxisTitle(chart.ValueAxis);
        categoryAxis.Label.Text = chart.CategoryLabel;
        plot.Grid.MajorLineColor = Colors.Black.WithOpacity(.12);
        plot.Grid.MinorLineColor = Colors.Black.WithOpacity(.05);
        plot.Legend.FontSize = 15;
        return plot;
    }

    public static string AxisTitle(ChartAxis axis)
    {
        var title = string.IsNullOrWhiteSpace(axis.Unit) ? axis.Label : $"{axis.Label} ({axis.Unit})";
        return axis.Log ? $"{title}, log scale" : title;
    }
}
