using System.Text;
using Microsoft.AspNetCore.Http;

namespace Versus.Serve.Pages;

internal static class PageResult
{
    public static IResult Html(string html, int status = StatusCodes.Status200OK) =>
        Results.Content(html, "text/html; charset=utf-8", Encoding.UTF8, status);
}
