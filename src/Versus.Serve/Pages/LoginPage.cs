using Microsoft.AspNetCore.Http;
using Versus.Serve.Security;

namespace Versus.Serve.Pages;

/// <summary>
/// "/login" with --token: a form that takes the token in a POST body (never a URL, which browsers and proxies keep) and
/// answers with an HttpOnly, SameSite=Strict cookie holding the token's hash.
/// </summary>
internal static class LoginPage
{
    public static IResult Show(string? problem = null)
    {
        var error = problem is null ? "" : $"<p class=\"error\" role=\"alert\" id=\"token-error\">{Html.E(problem)}</p>";
        var body = $"{error}<form method=\"post\" action=\"/login\"><div class=\"field\"><label for=\"token\">Access token</label> "
            + $"<input type=\"password\" id=\"token\" name=\"token\" autocomplete=\"current-password\" maxlength=\"512\"{(problem is null ? "" : " aria-describedby=\"token-error\" aria-invalid=\"true\"")}></div>"
            + "<button type=\"submit\">Sign in</button></form>";
        return PageResult.Html(Layout.Page("Sign in", body), problem is null ? StatusCodes.Status200OK : StatusCodes.Status401Unauthorized);
    }

    public static async Task<IResult> SubmitAsync(HttpContext context, AccessToken token)
    {
        if (!token.IsRequired) return Results.Redirect("/");
        if (!context.Request.HasFormContentType) return Show("Send the token with this form.");
        var form = await context.Request.ReadFormAsync();
        if (!token.Matches(form["token"].ToString())) return Show("That is not the token this dashboard was started with.");
        context.Response.Cookies.Append(AccessToken.CookieName, token.CookieValue!, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = context.Request.IsHttps,
            Path = "/",
        });
        return Results.Redirect("/");
    }
}
