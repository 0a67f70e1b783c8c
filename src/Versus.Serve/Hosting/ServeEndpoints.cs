using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Versus.Serve.Compare;
using Versus.Serve.Pages;
using Versus.Serve.Runs;
using Versus.Serve.Security;
using Versus.Store;

namespace Versus.Serve.Hosting;

/// <summary>Every URL the dashboard answers; anything else is a 404 page. Route values are plain strings, checked by each page.</summary>
internal static class ServeEndpoints
{
    public static void Map(WebApplication app)
    {
        app.MapGet("/", (HttpRequest r, IResultStore s, VerdictCache v, CancellationToken c) => RunsPage.HandleAsync(r, s, v, c));
        app.MapGet("/runs/{id}", (string id, IResultStore s, CancellationToken c) => RunPage.HandleAsync(id, s, c));
        app.MapGet("/runs/{id}/report.html", (string id, HttpContext h, IResultStore s, CancellationToken c) => RunFiles.ReportAsync(id, h, s, c));
        app.MapGet("/runs/{id}/report.md", (string id, IResultStore s, CancellationToken c) => RunFiles.MarkdownAsync(id, s, c));
        app.MapGet("/runs/{id}/results.json", (string id, IResultStore s, CancellationToken c) => RunFiles.ResultsAsync(id, s, c));
        app.MapGet("/compare", (HttpRequest r, IResultStore s, IRunComparer comparer, CancellationToken c) => ComparePage.HandleAsync(r, s, comparer, c));
        app.MapGet("/trends", (HttpRequest r, IResultStore s, CancellationToken c) => TrendsPage.HandleAsync(r, s, c));
        app.MapGet("/new", (EngineChoices e, ServeOptions o, RunSupervisor rs) => NewRunPage.ShowAsync(e, o, rs));
        app.MapPost("/new", (HttpRequest r, EngineChoices e, ServeOptions o, RunSupervisor rs) => NewRunPage.SubmitAsync(r, e, o, rs)).DisableAntiforgery();
        app.MapGet("/live", (RunSupervisor rs) => LivePage.Show(rs));
        app.MapGet("/live/events", (HttpContext h, RunSupervisor rs) => LivePage.EventsAsync(h, rs));
        app.MapPost("/live/cancel", (RunSupervisor rs) => LivePage.Cancel(rs)).DisableAntiforgery();
        app.MapGet("/login", () => LoginPage.Show());
        app.MapPost("/login", (HttpContext h, AccessToken t) => LoginPage.SubmitAsync(h, t)).DisableAntiforgery();
        app.MapGet("/static/site.css", StaticAssets.Css);
        app.MapGet("/static/live.js", StaticAssets.Live);
        app.MapFallback(() => ErrorPage.Result(StatusCodes.Status404NotFound, "Not found", "There is no page at this address."));
    }
}
