using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Versus.Serve.Runs;

namespace Versus.Serve.Pages;

/// <summary>
/// "/live": the run started from the form. The page is complete as served (progress and lines so far); live.js then
/// follows "/live/events", a Server-Sent Events stream of each later line, and when the run completes opens its report
/// (a cancelled or refused run stays, so its last lines can be read; the served page links the report, for no script).
/// </summary>
internal static class LivePage
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static IResult Show(RunSupervisor supervisor)
    {
        var run = supervisor.Current;
        if (run is null)
            return PageResult.Html(Layout.Page("Live run", "<p>No run has been started from this dashboard. <a href=\"/new\">Start one</a>.</p>", "/new"));
        var events = run.EventsAfter(0);
        var last = events.Count == 0 ? 0 : events[^1].Sequence;
        var body = new StringBuilder();
        body.Append(string.Create(CultureInfo.InvariantCulture, $"<div id=\"live\" data-events=\"/live/events\" data-after=\"{last}\">\n"));
        body.Append($"<p class=\"hint\" id=\"command\">versus {Html.E(ShownCommand.Of(run.Arguments))}</p>\n");
        var total = run.Total ?? 0;
        body.Append(string.Create(CultureInfo.InvariantCulture,
            $"<label for=\"progress\">Measurements</label> <progress id=\"progress\" max=\"{Math.Max(total, 1)}\" value=\"{Done(run)}\">{Done(run)} of {total}</progress>\n"));
        body.Append($"<p id=\"status\" role=\"status\" aria-live=\"polite\">{Html.E(Status(run))}</p>\n");
        body.Append("<div id=\"finished\">");
        if (run.IsFinished && run.RunId is not null) body.Append(ReportLink(run.RunId));
        body.Append("</div>\n");
        body.Append($"<form id=\"cancel\" method=\"post\" action=\"/live/cancel\"{(run.IsFinished ? " hidden" : "")}><button type=\"submit\">Cancel the run</button></form>\n");
        body.Append("<h2 id=\"lines-title\">Output</h2>\n<ol id=\"lines\" aria-labelledby=\"lines-title\">");
        foreach (var e in events) body.Append($"<li class=\"{e.Kind.ToString().ToLowerInvariant()}\">{Html.E(e.Text)}</li>");
        body.Append("</ol>\n</div>\n");
        return PageResult.Html(Layout.Page("Live run", body.ToString(), "/new", "/static/live.js"));
    }

    public static IResult Cancel(RunSupervisor supervisor)
    {
        supervisor.Current?.Cancel();
        return Results.Redirect("/live");
    }

    /// <summary>The events after the client's last (Last-Event-ID on reconnect, else ?after), then each as it lands, until the run ends.</summary>
    public static async Task EventsAsync(HttpContext context, RunSupervisor supervisor)
    {
        var response = context.Response;
        var run = supervisor.Current;
        if (run is null)
        {
            response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        var raw = context.Request.Headers["Last-Event-ID"].ToString() is { Length: > 0 } header ? header : context.Request.Query["after"].ToString();
        var after = int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        var token = context.RequestAborted;
        if (run.IsFinished && run.EventsAfter(after).Count == 0)
        {
            // Everything was already shown: say so, or the stream would wait for events that never come.
            await response.WriteAsync("event: end\ndata: {}\n\n", token);
            return;
        }
        while (!token.IsCancellationRequested)
        {
            foreach (var e in run.EventsAfter(after))
            {
                var report = e.Kind == RunEventKind.Finished && e.RunId is not null ? $"/runs/{Uri.EscapeDataString(e.RunId)}" : null;
                var data = JsonSerializer.Serialize(new
                {
                    e.Sequence, Kind = e.Kind.ToString().ToLowerInvariant(), e.Text, e.Index, e.Total, e.RunId,
                    Status = Status(run), Done = Done(run), Report = report, Open = run.RanToEnd ? report : null,
                }, Json);
                await response.WriteAsync(string.Create(CultureInfo.InvariantCulture, $"id: {e.Sequence}\nevent: run\ndata: {data}\n\n"), token);
                after = e.Sequence;
                if (e.Kind == RunEventKind.Finished)
                {
                    await response.WriteAsync("event: end\ndata: {}\n\n", token);
                    await response.Body.FlushAsync(token);
                    return;
                }
            }
            await response.Body.FlushAsync(token);
            await run.WaitForEventsAsync(after, token);
        }
    }

    private static int Done(ActiveRun run) => run.IsFinished ? run.Total ?? 0 : Math.Max(0, run.Index - 1);

    private static string Status(ActiveRun run)
    {
        if (run.IsFinished) return run.EventsAfter(0).LastOrDefault()?.Text ?? "Finished.";
        if (run.Total is not { } total) return "Starting: checking the engines and planning the run…";
        var current = run.EventsAfter(0).LastOrDefault(e => e.Kind == RunEventKind.Measuring && e.Index == run.Index);
        var label = current?.Text is { } text ? text[(text.IndexOf(']', StringComparison.Ordinal) + 1)..].Trim().TrimEnd('.', ' ') : "";
        return run.Index == 0 ? $"Planned {total} measurements." : string.Create(CultureInfo.InvariantCulture, $"Measurement {run.Index} of {total}: {label}");
    }

    private static string ReportLink(string runId) =>
        $"<p><a id=\"report-link\" href=\"/runs/{Html.Q(runId)}\">Open the report of run {Html.E(runId)}</a></p>";
}
