using System.Text;

namespace Versus.Serve.Pages;

/// <summary>
/// The frame of every page: a skip link, the navigation (the current page marked for screen readers), one h1 and the
/// content in main. Styles and scripts are this server's own files, as the Content-Security-Policy demands.
/// </summary>
internal static class Layout
{
    private static readonly (string Href, string Label)[] Navigation =
        [("/", "Runs"), ("/compare", "Compare"), ("/trends", "Trends"), ("/new", "New run")];

    public static string Page(string title, string body, string? current = null, string? script = null)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        html.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        html.Append($"<title>{Html.E(title)} · Versus</title>\n<link rel=\"stylesheet\" href=\"/static/site.css\">\n<link rel=\"icon\" href=\"data:,\">\n</head>\n<body>\n");
        html.Append("<a class=\"skip\" href=\"#main\">Skip to content</a>\n<header class=\"site\"><nav aria-label=\"Main\"><ul>");
        html.Append("<li class=\"brand\">Versus</li>");
        foreach (var (href, label) in Navigation)
        {
            var here = href == current ? " aria-current=\"page\"" : "";
            html.Append($"<li><a href=\"{href}\"{here}>{label}</a></li>");
        }
        html.Append("</ul></nav></header>\n<main id=\"main\" tabindex=\"-1\">\n");
        html.Append($"<h1>{Html.E(title)}</h1>\n").Append(body).Append("\n</main>\n");
        if (script is not null) html.Append($"<script src=\"{script}\" defer></script>\n");
        html.Append("</body>\n</html>\n");
        return html.ToString();
    }
}
