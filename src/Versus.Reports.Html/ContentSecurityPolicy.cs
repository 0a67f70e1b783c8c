namespace Versus.Reports.Html;

/// <summary>
/// The page's own promise that it fetches nothing: every resource type is refused except the inline styles it carries
/// (and data: images, which ScottPlot may use for a hatch pattern inside an SVG). No script runs at all; the embedded
/// results are data (type application/json), which the policy does not execute.
/// </summary>
internal static class ContentSecurityPolicy
{
    public const string Value =
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'none'; connect-src 'none'; " +
        "font-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'";

    public static string Meta => $"<meta http-equiv=\"Content-Security-Policy\" content=\"{Value}\">";
}
