using Microsoft.AspNetCore.Http;
using Versus.Serve.Pages;

namespace Versus.Serve.Security;

/// <summary>
/// Refuses a state-changing request (anything but GET and HEAD) that a browser says came from another site: its
/// Sec-Fetch-Site is not same-origin (or none: typed by the user), or its Origin is not this server. Browsers send at
/// least one of them on every POST; a client that sends neither is not a browser another site can drive.
/// </summary>
public sealed class CrossSiteRequestGuard(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)) return next(context);
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        var origin = request.Headers.Origin.ToString();
        var ownOrigin = $"{request.Scheme}://{request.Host.Value}";
        var crossSite = (site.Length > 0 && site is not ("same-origin" or "none")) ||
            (origin.Length > 0 && !string.Equals(origin, ownOrigin, StringComparison.OrdinalIgnoreCase));
        if (!crossSite) return next(context);
        return ErrorPage.WriteAsync(context, StatusCodes.Status403Forbidden, "Refused",
            "This form was sent from another site; only this dashboard's own pages may send it.");
    }
}
