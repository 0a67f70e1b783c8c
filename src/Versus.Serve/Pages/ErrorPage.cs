using System.Text;
using Microsoft.AspNetCore.Http;

namespace Versus.Serve.Pages;

/// <summary>A refusal or failure as a page: its status, one sentence of what happened, and where to go instead.</summary>
internal static class ErrorPage
{
    public static string Render(string title, string message, params (string Label, string Href)[] links)
    {
        var body = new StringBuilder($"<p class=\"error\" role=\"alert\">{Html.E(message)}</p>\n<ul class=\"links\">");
        foreach (var (label, href) in links) body.Append($"<li><a href=\"{Html.E(href)}\">{Html.E(label)}</a></li>");
        body.Append("<li><a href=\"/\">All runs</a></li></ul>");
        return Layout.Page(title, body.ToString());
    }

    public static IResult Result(int status, string title, string message, params (string Label, string Href)[] links) =>
        Results.Content(Render(title, message, links), "text/html; charset=utf-8", Encoding.UTF8, status);

    public static async Task WriteAsync(HttpContext context, int status, string title, string message, params (string Label, string Href)[] links)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync(Render(title, message, links));
    }
}
