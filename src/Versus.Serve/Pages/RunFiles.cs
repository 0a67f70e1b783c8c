using System.Text;
using Microsoft.AspNetCore.Http;
using Versus.Core.Results;
using Versus.Reports;
using Versus.Reports.Html;
using Versus.Reports.Rendering;
using Versus.Serve.Runs;
using Versus.Store;

namespace Versus.Serve.Pages;

/// <summary>
/// A stored run's files, made from the store on request (nothing is read from disk): the report by the same
/// <see cref="HtmlRenderer"/> 'versus report' uses, report.md by the Markdown renderer, and results.json.
/// </summary>
internal static class RunFiles
{
    /// <summary>The report's own policy (it fetches nothing, runs no script), framed only by this dashboard.</summary>
    public const string ReportPolicy =
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'none'; form-action 'none'; base-uri 'none'; "
        + "frame-ancestors 'self'";

    private static readonly HtmlRenderer Html = new();

    public static async Task<IResult> ReportAsync(string id, HttpContext context, IResultStore store, CancellationToken cancellationToken)
    {
        var (run, problem) = await RunLookup.LoadAsync(store, id, "/runs", cancellationToken);
        if (run is null) return problem!;
        context.Response.Headers.ContentSecurityPolicy = ReportPolicy;
        return Results.Content(Render(Html, run), "text/html; charset=utf-8", Encoding.UTF8);
    }

    public static async Task<IResult> MarkdownAsync(string id, IResultStore store, CancellationToken cancellationToken)
    {
        var (run, problem) = await RunLookup.LoadAsync(store, id, "/runs", cancellationToken);
        if (run is null) return problem!;
        return Download(Render(ReportRenderers.Markdown, run), "text/markdown; charset=utf-8", $"{run.RunId}-report.md");
    }

    public static async Task<IResult> ResultsAsync(string id, IResultStore store, CancellationToken cancellationToken)
    {
        var (run, problem) = await RunLookup.LoadAsync(store, id, "/runs", cancellationToken);
        if (run is null) return problem!;
        return Download(ResultsJson.Serialize(run), "application/json; charset=utf-8", $"{run.RunId}-results.json");
    }

    private static string Render(IReportRenderer renderer, RunResults run) => renderer.Render(new ReportComposer().Compose(run), run);

    private static IResult Download(string text, string contentType, string fileName) =>
        Results.File(Encoding.UTF8.GetBytes(text), contentType, fileName);
}
