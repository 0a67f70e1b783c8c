using Microsoft.AspNetCore.Http;

namespace Versus.Serve.Security;

/// <summary>
/// Headers on every response: a Content-Security-Policy that allows only this server's own styles, scripts and frames
/// (no CDN, nothing inline but styles, which ScottPlot's SVG uses), no sniffing, no referrer to other sites, no framing by others.
/// An endpoint that needs a stricter policy (the report) sets its own first.
/// </summary>
public sealed class SecurityHeaders(RequestDelegate next)
{
    public const string Policy =
        "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; "
        + "frame-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            if (!headers.ContainsKey("Content-Security-Policy")) headers.ContentSecurityPolicy = Policy;
            headers.XContentTypeOptions = "nosniff";
            // Not no-referrer: under it Chromium sends "Origin: null" with the page's own form posts, which the
            // cross-site guard must refuse. same-origin still sends nothing to other sites.
            headers["Referrer-Policy"] = "same-origin";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            headers["Cross-Origin-Resource-Policy"] = "same-origin";
            if (!headers.ContainsKey("Cache-Control")) headers.CacheControl = "no-store";
            return Task.CompletedTask;
        });
        return next(context);
    }
}
