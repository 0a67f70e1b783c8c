using System.Text;
using Versus.Reports.Model;

namespace Versus.Reports.Html;

/// <summary>
/// One chart as the report draws it (ScottPlot SVG, its text alternative, its data table), for pages other than the
/// report (the dashboard's trends) that must look and read the same without copying the painters.
/// </summary>
public static class ChartHtml
{
    public static string Figure(ChartBlock chart)
    {
        var html = new StringBuilder();
        ChartFigure.Write(html, chart, foldLongData: false);
        return html.ToString();
    }

    /// <summary>The report's style sheet, so a page that shows a chart lays it out as the report does.</summary>
    public static string StyleSheet => HtmlStyleSheet.Css;
}
