using Microsoft.AspNetCore.Http;
using Versus.Serve.Pages;

namespace Versus.Serve.Security;

/// <summary>
/// With --token, every page but the login form and the style sheet needs the token: as the login cookie (set by POST
/// /login, never in a URL) or as "Authorization: Bearer". Without a token (loopback only) it lets everything through.
/// </summary>
public sealed class TokenGate(RequestDelegate next, AccessToken token)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (!token.IsRequired) return next(context);
        var path = context.Request.Path.Value ?? "";
        if (path is "/login" or "/static/site.css") return next(context);
        var header = context.Request.Headers.Authorization.ToString();
        var bearer = header.StartsWith("Bearer ", StringComparison.Ordinal) ? header["Bearer ".Length..] : null;
        if (token.Matches(bearer) || token.MatchesCookie(context.Request.Cookies[AccessToken.CookieName])) return next(context);
        return ErrorPage.WriteAsync(context, StatusCodes.Status401Unauthorized, "Sign in",
            "This dashboard needs its access token.", ("Sign in with the token", "/login"));
    }
}
