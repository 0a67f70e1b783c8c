using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;
using Versus.Core.Results;
using Versus.Serve.Runs;
using Versus.Store;

namespace Versus.Serve.Pages;

/// <summary>
/// "/runs/{id}": one run's facts, its failed and skipped measurements with their reasons, its downloads, and its report
/// in a frame: the report page is the HtmlRenderer's own output (<see cref="RunFiles"/>), exactly what 'versus report' writes.
/// </summary>
internal static class RunPage
{
    public static async Task<IResult> HandleAsync(string id, IResultStore store, CancellationToken cancellationToken)
    {
        var (run, problem) = await RunLookup.LoadAsync(store, id, "/runs", cancellationToken);
        if (run is null) return problem!;
        if (run.RunId != id) return Results.Redirect($"/runs/{Uri.EscapeDataString(run.RunId)}");

        var all = await PreviousRun.AllAsync(store, cancellationToken);
        var others = all.Where(r => r.RunId != run.RunId).Take(ComparePage.ChooserRuns).ToList();
        var previous = PreviousRun.Of(run, all);
        var body = new StringBuilder();
        WriteFacts(body, run);
        WriteUnmeasured(body, run);
        WriteProblems(body, run);
        var rid = Html.Q(run.RunId);
        body.Append("<h2 id=\"downloads\">Downloads</h2>\n<ul class=\"links\">");
        body.Append($"<li><a href=\"/runs/{rid}/report.html\">Report (HTML, opens on its own)</a></li>");
        body.Append($"<li><a href=\"/runs/{rid}/results.json\" download>results.json</a></li>");
        body.Append($"<li><a href=\"/runs/{rid}/report.md\" download>report.md</a></li>");
        body.Append($"<li><a href=\"{Html.E(TrendsLink(run))}\">Trends on {Html.E(run.Environment.MachineName)}</a></li>");
        if (previous is not null)
            body.Append($"<li><a id=\"compare-previous\" href=\"/compare?a={ComparePage.PreviousKeyword}&amp;b={rid}\">Against the previous run of this configuration ({Html.E(previous.RunId)})</a></li>");
        body.Append("</ul>\n");
        if (others.Count > 0)
        {
            body.Append("<form class=\"compare-with\" method=\"get\" action=\"/compare\"><input type=\"hidden\" name=\"a\" value=\"")
                .Append(Html.E(run.RunId)).Append("\"><label for=\"compare-b\">Compare with</label> <select id=\"compare-b\" name=\"b\">");
            foreach (var o in others) body.Append($"<option value=\"{Html.E(o.RunId)}\">{Html.E(o.RunId)} ({Html.Time(o.StartedAt)}, {Html.E(o.Status)})</option>");
            body.Append("</select> <button type=\"submit\">Compare</button></form>\n");
        }
        body.Append("<h2 id=\"report\">Report</h2>\n");
        body.Append($"<iframe class=\"report\" id=\"report-frame\" src=\"/runs/{rid}/report.html\" title=\"Report of run {Html.E(run.RunId)}\"></iframe>\n");
        return PageResult.Html(Layout.Page($"Run {run.RunId}", body.ToString()));
    }

    private static void WriteFacts(StringBuilder body, RunResults run)
    {
        var o = run.Options;
        body.Append("<dl class=\"facts\">");
        Fact(body, "Status", run.Status);
        Fact(body, "Started (UTC)", Html.Time(run.StartedAt));
        Fact(body, "Duration", Html.Duration(run.FinishedAt - run.StartedAt));
        Fact(body, "Machine", $"{run.Environment.MachineName}: {run.Environment.CpuModel}, {run.Environment.LogicalCores} logical cores");
        Fact(body, "Engines", string.Join("; ", run.Engines.Select(e => $"{e.Id}: {e.Summary}")));
        Fact(body, "Workloads", string.Join(", ", run.Workloads.Select(w => w.Id)));
        Fact(body, "Options", string.Create(CultureInfo.InvariantCulture,
            $"{(o.Quick ? "quick, " : "")}{o.Threads} thread(s), data {o.Data}, seed {o.Seed}"));
        body.Append("</dl>\n");
    }

    /// <summary>A run stopped early (cancelled during its second measurement) may hold the machine peak alone, or nothing.</summary>
    private static void WriteUnmeasured(StringBuilder body, RunResults run)
    {
        if (run.Measurements.Any(m => m.Kind != MeasurementKind.MachinePeak)) return;
        var stored = run.Measurements.Count > 0 ? "stored only its machine peak" : "stored no measurement";
        body.Append($"<p class=\"note\" role=\"note\" id=\"unmeasured\">No workload was measured: the run {stored} ({Html.E(run.Status)}).</p>\n");
    }

    /// <summary>The trend of this run's first workload measurement; with none, the machine's trends page chooses.</summary>
    private static string TrendsLink(RunResults run)
    {
        var link = "/trends?machine=" + Uri.EscapeDataString(run.Environment.MachineName);
        return run.Measurements.FirstOrDefault(x => x.Kind != MeasurementKind.MachinePeak) is { } m
            ? $"{link}&engine={Uri.EscapeDataString(m.Engine)}&workload={Uri.EscapeDataString(m.Workload)}"
            : link;
    }

    private static void Fact(StringBuilder body, string term, string value) =>
        body.Append($"<div><dt>{Html.E(term)}</dt><dd>{Html.E(value)}</dd></div>");

    private static void WriteProblems(StringBuilder body, RunResults run)
    {
        var failed = run.Measurements.Where(m => m.Status != MeasurementStatus.Ok).ToList();
        body.Append("<h2 id=\"failed\">Failed and skipped measurements</h2>\n");
        if (failed.Count == 0)
        {
            body.Append("<p>None: every stored measurement finished.</p>\n");
            return;
        }
        body.Append("<div class=\"scroll\"><table id=\"failures\"><caption>Measurements that did not finish, with the reason</caption><thead><tr>");
        body.Append("<th scope=\"col\">Engine</th><th scope=\"col\">Workload</th><th scope=\"col\">Kind</th><th scope=\"col\">Status</th><th scope=\"col\">Reason</th></tr></thead><tbody>");
        foreach (var m in failed)
        {
            body.Append($"<tr><td>{Html.E(m.Engine)}</td><td>{Html.E(m.Workload)}</td><td>{Html.E(m.Kind.ToString().ToLowerInvariant())}</td>");
            body.Append($"<td>{Html.E(m.Status.ToString().ToLowerInvariant())}</td><td>{Html.E(m.Reason ?? "no reason recorded")}</td></tr>");
        }
        body.Append("</tbody></table></div>\n");
    }
}
