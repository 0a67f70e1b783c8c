using System.Globalization;
using System.Text.RegularExpressions;
using Versus.Reports.Model;

namespace Versus.Reports.Html.Charts;

/// <summary>
/// A chart as an inline SVG element: painted by its kind's painter, exported by ScottPlot, with the XML declaration
/// removed (not allowed inside HTML) and a viewBox added so CSS can scale it to the reading width.
/// </summary>
internal static partial class ChartSvg
{
    public static string Render(ChartBlock chart)
    {
        using var plot = ChartPainters.For(chart.Kind).Paint(chart);
        var height = ChartTheme.HeightFor(chart);
        var xml = plot.GetSvgXml(ChartTheme.Width, height);
        return Inline(xml, ChartTheme.Width, height);
    }

    internal static string Inline(string xml, int width, int height)
    {
        var svg = XmlDeclaration().Replace(xml, string.Empty).Trim();
        var viewBox = string.Create(CultureInfo.InvariantCulture,
            $"<svg viewBox=\"0 0 {width} {height}\" aria-hidden=\"true\" focusable=\"false\"");
        return svg.StartsWith("<svg", StringComparison.Ordinal) ? viewBox + svg["<svg".Length..] : svg;
    }

    [GeneratedRegex(@"^\s*<\?xml[^>]*\?>")]
    private static partial Regex XmlDeclaration();
}
