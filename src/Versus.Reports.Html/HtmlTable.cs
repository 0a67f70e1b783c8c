using System.Text;
using System.Text.RegularExpressions;
using Versus.Reports.Model;

namespace Versus.Reports.Html;

/// <summary>
/// A table in a scrolling wrapper, so a wide table scrolls on a narrow screen instead of widening the page. Cells that
/// start with a figure are right-aligned so that digits line up.
/// </summary>
internal static partial class HtmlTable
{
    public static void Write(StringBuilder html, TableBlock table, string? caption = null, string? dataChart = null)
    {
        var label = caption is null ? string.Empty : $" aria-label=\"{HtmlText.Encode(caption)}\"";
        html.Append($"<div class=\"table-wrap\" role=\"region\" tabindex=\"0\"{label}>");
        html.Append(dataChart is null ? "<table>" : $"<table class=\"chart-data\" data-chart=\"{HtmlText.Encode(dataChart)}\">");
        if (caption is not null) html.Append($"<caption>{HtmlText.Encode(caption)}</caption>");
        html.Append("<thead><tr>");
        foreach (var column in table.Columns) html.Append($"<th scope=\"col\">{HtmlText.Inline(column)}</th>");
        html.Append("</tr></thead>\n<tbody>\n");
        foreach (var row in table.Rows)
        {
            html.Append("<tr>");
            foreach (var cell in row)
            {
                html.Append(Numeric().IsMatch(cell.Plain) ? "<td class=\"num\">" : "<td>");
                html.Append(HtmlText.Inline(cell)).Append("</td>");
            }
            html.Append("</tr>\n");
        }
        html.Append("</tbody></table></div>\n");
    }

    [GeneratedRegex(@"^[-+−~≈]?\d[\d.,]*(\s|x|%|$)")]
    private static partial Regex Numeric();
}
