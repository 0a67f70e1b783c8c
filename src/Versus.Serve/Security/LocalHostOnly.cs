using Microsoft.AspNetCore.Http;
using Versus.Serve.Pages;

namespace Versus.Serve.Security;

/// <summary>
/// On a loopback bind, only requests addressed to a loopback name: a page elsewhere that rebinds its own host name to
/// 127.0.0.1 (DNS rebinding) sends its own name as Host and is refused here, so it can read nothing.
/// </summary>
public sealed class LocalHostOnly(RequestDelegate next)
{
    private static readonly string[] Names = ["127.0.0.1", "localhost", "[::1]"];

    public Task InvokeAsync(HttpContext context)
    {
        var host = context.Request.Host.Host;
        if (Names.Contains(host, StringComparer.OrdinalIgnoreCase)) return next(context);
        return ErrorPage.WriteAsync(context, StatusCodes.Status421MisdirectedRequest, "Not this host",
            "This dashboard answers only on 127.0.0.1 or localhost.");
    }
}
