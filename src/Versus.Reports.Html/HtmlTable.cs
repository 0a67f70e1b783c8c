using System.Text;
using System.Text.RegularExpressions;
using Versus.Reports.Model;

namespace Versus.Reports.Html;

/// <summary>
/// A table in a scrolling wrapper, so a wide table scrolls on a narrow screen instead of widening the page. A column of
/// figures (every cell a figure, or a dash for none) is right-aligned so that digits line up; a column that mixes
/// figures and words (a run's "field | value" table) reads left-aligned. A short figure ("39.80 ms [38.33-41.27]") stays
/// on one line, a longer one ("813.3 ms (2 samples, no interval)") may wrap after its figure: kept on one line, every
/// figure made ten of a quick run's tables wider than the page at 1280 px.
/// </summary>
internal static partial class HtmlTable
{
    /// <summary>
    /// A table of more than this many rows is folded (a details element, open on a click or a key, printed open): a
    /// reader looks things up in a quick run's 500 sample rows or a forest plot's 140 ratios rather than reads them, and
    /// shown open they made the page 53 screens long.
    /// </summary>
    public const int FoldAbove = 25;

    public static void Write(StringBuilder html, TableBlock table, bool foldLong, string? caption = null, string? dataChart = null)
    {
        var folded = foldLong && table.Rows.Count > FoldAbove;
        if (folded)
        {
            var what = caption ?? string.Join(", ", table.Columns.Select(c => c.Plain));
            html.Append($"<details class=\"fold\"><summary>{HtmlText.Encode(what)} ({table.Rows.Count} rows)</summary>");
        }
        var label = caption is null ? string.Empty : $" aria-label=\"{HtmlText.Encode(caption)}\"";
        html.Append($"<div class=\"table-wrap\" role=\"region\" tabindex=\"0\"{label}>");
        html.Append(dataChart is null ? "<table>" : $"<table class=\"chart-data\" data-chart=\"{HtmlText.Encode(dataChart)}\">");
        if (caption is not null) html.Append($"<caption>{HtmlText.Encode(caption)}</caption>");
        html.Append("<thead><tr>");
        foreach (var column in table.Columns) html.Append($"<th scope=\"col\">{HtmlText.Inline(column)}</th>");
        html.Append("</tr></thead>\n<tbody>\n");
        var figures = Enumerable.Range(0, table.Columns.Count).Select(c => IsFigureColumn(table.Rows.Select(r => c < r.Count ? r[c].Plain : ""))).ToArray();
        foreach (var row in table.Rows)
        {
            html.Append("<tr>");
            for (var c = 0; c < row.Count; c++)
            {
                var cell = row[c];
                html.Append(c < figures.Length && figures[c] && IsFigure(cell.Plain)
                    ? cell.Plain.Length <= OneLineLength ? "<td class=\"num fig\">" : "<td class=\"num\">"
                    : "<td>");
                html.Append(HtmlText.Inline(cell)).Append("</td>");
            }
            html.Append("</tr>\n");
        }
        html.Append("</tbody></table></div>\n");
        if (folded) html.Append("</details>\n");
    }

    /// <summary>A column with at least one figure and nothing but figures and dashes.</summary>
    internal static bool IsFigureColumn(IEnumerable<string> cells)
    {
        var any = false;
        foreach (var cell in cells)
        {
            if (cell is "" or "—" or "-") continue;
            if (!IsFigure(cell)) return false;
            any = true;
        }
        return any;
    }

    internal static bool IsFigure(string text) => text.Length <= FigureLength && Numeric().IsMatch(text);

    private const int OneLineLength = 24;
    private const int FigureLength = 60;

    [GeneratedRegex(@"^[-+−~≈]?\d[\d.,]*(\s|x|%|$)")]
    private static partial Regex Numeric();
}
