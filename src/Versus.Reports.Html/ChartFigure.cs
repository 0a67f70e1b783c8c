using System.Text;
using Versus.Reports.Html.Charts;
using Versus.Reports.Model;

namespace Versus.Reports.Html;

/// <summary>
/// A chart as a figure: the ScottPlot SVG, labelled for screen readers by its title and description, then its data
/// table, so every chart has its figures beside it. A chart that cannot be drawn says so and still shows its data.
/// </summary>
internal static class ChartFigure
{
    /// <param name="foldLongData">Fold a long data table (<see cref="HtmlTable.FoldAbove"/>): yes in the report, where
    /// the chart is the reading; no on a page whose table is the point (the dashboard's trend, with its versions).</param>
    public static void Write(StringBuilder html, ChartBlock chart, bool foldLongData)
    {
        var id = HtmlText.Encode(chart.Id);
        html.Append($"<section class=\"chart\" id=\"{id}\" data-chart-kind=\"{chart.Kind.ToString().ToLowerInvariant()}\">\n");
        html.Append($"<figure role=\"img\" aria-labelledby=\"{id}-title {id}-desc\">\n");
        try
        {
            html.Append(ChartSvg.Render(chart)).Append('\n');
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or IndexOutOfRangeException)
        {
            // One odd chart must not cost the whole report; its data table below still carries every figure.
            html.Append($"<p class=\"chart-error\">This chart could not be drawn ({HtmlText.Encode(e.Message)}); its data follow.</p>\n");
        }
        html.Append($"<figcaption><span class=\"chart-title\" id=\"{id}-title\">{HtmlText.Encode(chart.Title)}</span> ");
        html.Append($"<span class=\"chart-description\" id=\"{id}-desc\">{HtmlText.Encode(chart.Description)}</span></figcaption>\n");
        html.Append("</figure>\n");
        HtmlTable.Write(html, chart.Data, foldLongData, $"Data: {chart.Title}", chart.Id);
        html.Append("</section>\n");
    }
}
