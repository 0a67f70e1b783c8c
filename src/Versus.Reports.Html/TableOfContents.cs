using System.Text;
using Versus.Reports.Model;

namespace Versus.Reports.Html;

/// <summary>Links to the sections (levels 2 and 3; level 1 is the report's title), by their stable heading ids.</summary>
internal static class TableOfContents
{
    public static void Write(StringBuilder html, IEnumerable<HeadingBlock> headings)
    {
        var entries = headings.Where(h => h.Level is 2 or 3).ToList();
        if (entries.Count == 0) return;
        html.Append("<nav class=\"toc\" aria-labelledby=\"versus-toc-title\">\n<h2 id=\"versus-toc-title\">Contents</h2>\n<ol>\n");
        foreach (var heading in entries)
        {
            html.Append($"<li class=\"toc-l{heading.Level}\"><a href=\"#{HtmlText.Encode(heading.Id)}\">");
            html.Append($"{HtmlText.Encode(heading.Title.Plain)}</a></li>\n");
        }
        html.Append("</ol>\n</nav>\n");
    }
}
