using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;
using Versus.Serve.Runs;
using Versus.Store;

namespace Versus.Serve.Pages;

/// <summary>"/": every stored run, newest first, filtered by engine, workload, machine and status, a page at a time.</summary>
internal static class RunsPage
{
    /// <summary>The most runs a listing reads; a local store holds far fewer.</summary>
    private const int MaxRuns = 10_000;

    public static async Task<IResult> HandleAsync(HttpRequest request, IResultStore store, VerdictCache verdicts, CancellationToken cancellationToken)
    {
        var q = request.Query;
        var (filter, problem) = RunsFilter.Parse(q["engine"], q["workload"], q["machine"], q["status"], q["page"]);
        if (filter is null) return ErrorPage.Result(StatusCodes.Status400BadRequest, "Bad filter", problem!);

        var all = await store.ListRunsAsync(MaxRuns, cancellationToken);
        var matching = all.Where(r =>
            (filter.Engine is null || r.Engines.Contains(filter.Engine)) &&
            (filter.Workload is null || r.Workloads.Contains(filter.Workload)) &&
            (filter.Machine is null || r.Machine == filter.Machine) &&
            (filter.Status is null || r.Status == filter.Status)).ToList();
        var pages = Math.Max(1, (matching.Count + RunsFilter.PageSize - 1) / RunsFilter.PageSize);
        var shown = matching.Skip((filter.Page - 1) * RunsFilter.PageSize).Take(RunsFilter.PageSize).ToList();

        var body = new StringBuilder();
        WriteFilter(body, filter, all);
        if (shown.Count == 0)
        {
            body.Append(all.Count == 0
                ? "<p>No runs stored yet. <a href=\"/new\">Start one</a> or run <code>versus run --quick</code>.</p>"
                : "<p>No stored run matches this filter. <a href=\"/\">Show all runs</a>.</p>");
        }
        else
        {
            body.Append(string.Create(CultureInfo.InvariantCulture,
                $"<p id=\"count\">{matching.Count} run(s), page {filter.Page} of {pages}, newest first.</p>\n"));
            await WriteTableAsync(body, shown, verdicts, cancellationToken);
            WritePager(body, filter, pages);
        }
        return PageResult.Html(Layout.Page("Runs", body.ToString(), "/"));
    }

    private static void WriteFilter(StringBuilder body, RunsFilter filter, IReadOnlyList<RunSummary> all)
    {
        body.Append("<form class=\"filter\" method=\"get\" action=\"/\" aria-label=\"Filter runs\">\n");
        Select(body, "engine", "Engine", filter.Engine, all.SelectMany(r => r.Engines));
        Select(body, "workload", "Workload", filter.Workload, all.SelectMany(r => r.Workloads));
        Select(body, "machine", "Machine", filter.Machine, all.Select(r => r.Machine));
        Select(body, "status", "Status", filter.Status, all.Select(r => r.Status));
        body.Append("<button type=\"submit\">Filter</button>\n</form>\n");
    }

    private static void Select(StringBuilder body, string name, string label, string? selected, IEnumerable<string> values)
    {
        body.Append($"<label for=\"f-{name}\">{label}</label> <select id=\"f-{name}\" name=\"{name}\"><option value=\"\">any</option>");
        foreach (var value in values.Distinct().Order(StringComparer.Ordinal))
        {
            var mark = value == selected ? " selected" : "";
            body.Append($"<option{mark}>{Html.E(value)}</option>");
        }
        body.Append("</select>\n");
    }

    private static async Task WriteTableAsync(StringBuilder body, List<RunSummary> runs, VerdictCache verdicts, CancellationToken cancellationToken)
    {
        body.Append("<div class=\"scroll\"><table id=\"runs\">\n<caption>Stored runs</caption>\n<thead><tr>");
        foreach (var column in new[] { "Run", "Started (UTC)", "Machine", "Engines", "Workloads", "Status", "Ok / failed / skipped", "Duration", "Verdict" })
            body.Append($"<th scope=\"col\">{column}</th>");
        body.Append("</tr></thead>\n<tbody>\n");
        foreach (var r in runs)
        {
            var verdict = await verdicts.ForAsync(r, cancellationToken);
            var m = r.Measurements;
            body.Append($"<tr data-run=\"{Html.E(r.RunId)}\"><th scope=\"row\"><a href=\"/runs/{Html.Q(r.RunId)}\">{Html.E(r.RunId)}</a></th>");
            body.Append($"<td>{Html.Time(r.StartedAt)}</td><td>{Html.E(r.Machine)}</td><td>{Html.E(string.Join(", ", r.Engines))}</td>");
            body.Append($"<td>{Html.E(string.Join(", ", r.Workloads))}</td><td class=\"status status-{Html.E(r.Status)}\">{Html.E(r.Status)}</td>");
            body.Append(string.Create(CultureInfo.InvariantCulture, $"<td>{m.Ok} / {m.Failed} / {m.Skipped}</td>"));
            body.Append($"<td>{Html.Duration(r.FinishedAt - r.StartedAt)}</td><td>{Html.E(verdict)}</td></tr>\n");
        }
        body.Append("</tbody></table></div>\n");
    }

    private static void WritePager(StringBuilder body, RunsFilter filter, int pages)
    {
        if (pages == 1) return;
        body.Append("<nav class=\"pager\" aria-label=\"Pages\"><ul>");
        if (filter.Page > 1) body.Append($"<li><a rel=\"prev\" href=\"/{Html.E(filter.Query(filter.Page - 1))}\">Newer runs</a></li>");
        if (filter.Page < pages) body.Append($"<li><a rel=\"next\" href=\"/{Html.E(filter.Query(filter.Page + 1))}\">Older runs</a></li>");
        body.Append("</ul></nav>\n");
    }
}
