using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;
using Versus.Serve.Compare;
using Versus.Serve.Runs;
using Versus.Store;

namespace Versus.Serve.Pages;

/// <summary>"/compare?a=&amp;b=": two runs' shared metrics side by side, as the <see cref="IRunComparer"/> found them.</summary>
internal static class ComparePage
{
    /// <summary>The value of <c>a</c> that asks for the previous run of B's configuration as the baseline.</summary>
    public const string PreviousKeyword = "previous";

    /// <summary>The newest runs a chooser lists; any stored run can still be compared by its id in the address.</summary>
    public const int ChooserRuns = 200;

    public static async Task<IResult> HandleAsync(HttpRequest request, IResultStore store, IRunComparer comparer, CancellationToken cancellationToken)
    {
        string? a = request.Query["a"], b = request.Query["b"];
        var runs = await store.ListRunsAsync(ChooserRuns, cancellationToken);
        var body = new StringBuilder();
        if (string.IsNullOrEmpty(a) && string.IsNullOrEmpty(b))
        {
            WriteChooser(body, runs, null, null);
            return PageResult.Html(Layout.Page("Compare two runs", body.ToString(), "/compare"));
        }
        if (string.IsNullOrEmpty(a) || string.IsNullOrEmpty(b))
            return ErrorPage.Result(StatusCodes.Status400BadRequest, "Compare two runs", "Choose two runs: both a and b are needed.", ("Choose runs", "/compare"));

        // B first: "a=previous" is found from B, so an unknown B must be blamed on b, not on the keyword.
        var (runB, problemB) = await RunLookup.LoadAsync(store, b, "b", cancellationToken);
        if (runB is null) return problemB!;
        if (a == PreviousKeyword)
        {
            // The baseline is the run before B of the same configuration on the same machine.
            var previous = await PreviousRun.FindAsync(store, runB, cancellationToken);
            if (previous is null)
                return ErrorPage.Result(StatusCodes.Status404NotFound, "No earlier run",
                    $"No finished run before {runB.RunId} on {runB.Environment.MachineName} has the same engines and workloads.", ("Choose runs", "/compare"));
            a = previous.RunId;
        }
        var (runA, problemA) = await RunLookup.LoadAsync(store, a, "a", cancellationToken);
        if (runA is null) return problemA!;

        var comparison = comparer.Compare(runA, runB);
        WriteChooser(body, runs, runA.RunId, runB.RunId);
        body.Append("<dl class=\"facts\">");
        body.Append($"<div><dt>A</dt><dd><a href=\"/runs/{Html.Q(runA.RunId)}\">{Html.E(runA.RunId)}</a> ({Html.Time(runA.StartedAt)}, {Html.E(runA.Environment.MachineName)}, {Html.E(runA.Status)})</dd></div>");
        body.Append($"<div><dt>B</dt><dd><a href=\"/runs/{Html.Q(runB.RunId)}\">{Html.E(runB.RunId)}</a> ({Html.Time(runB.StartedAt)}, {Html.E(runB.Environment.MachineName)}, {Html.E(runB.Status)})</dd></div>");
        body.Append("</dl>\n");
        if (runA.Environment.MachineName != runB.Environment.MachineName)
            body.Append("<p class=\"note\" role=\"note\">The runs are from different machines: a ratio then mixes the engine with the machine.</p>\n");
        WriteTable(body, comparison);
        WriteEngineRatios(body, comparison, runA.Environment.MachineName != runB.Environment.MachineName);
        return PageResult.Html(Layout.Page($"Compare {runA.RunId} and {runB.RunId}", body.ToString(), "/compare"));
    }

    private static void WriteChooser(StringBuilder body, IReadOnlyList<RunSummary> runs, string? a, string? b)
    {
        body.Append("<form class=\"filter\" method=\"get\" action=\"/compare\" aria-label=\"Choose two runs\">");
        foreach (var (name, selected) in new[] { ("a", a), ("b", b) })
        {
            body.Append($"<label for=\"c-{name}\">Run {name.ToUpperInvariant()}</label> <select id=\"c-{name}\" name=\"{name}\" required>");
            foreach (var r in runs)
                body.Append($"<option value=\"{Html.E(r.RunId)}\"{(r.RunId == selected ? " selected" : "")}>{Html.E(r.RunId)} ({Html.Time(r.StartedAt)})</option>");
            body.Append("</select> ");
        }
        body.Append("<button type=\"submit\">Compare</button></form>\n");
    }

    private static void WriteTable(StringBuilder body, RunComparison comparison)
    {
        if (comparison.Rows.Count == 0)
        {
            body.Append("<p id=\"no-shared\">The two runs share no finished metric (same engine, workload and kind).</p>\n");
            return;
        }
        body.Append("<div class=\"scroll\"><table id=\"comparison\"><caption>Shared metrics, run A against run B</caption><thead><tr>");
        foreach (var column in new[] { "Engine", "Workload", "Kind", "Metric", "A (median)", "B (median)", "Faster", "Ratio [95% interval]" })
            body.Append($"<th scope=\"col\">{column}</th>");
        body.Append("</tr></thead><tbody>\n");
        foreach (var r in comparison.Rows)
        {
            var interval = r.Low is { } low && r.High is { } high
                ? string.Create(CultureInfo.InvariantCulture, $" [{low:0.00}–{high:0.00}]") : " (too few samples for an interval)";
            var faster = r.Faster ?? "no change";
            body.Append($"<tr><td>{Html.E(r.Engine)}</td><td>{Html.E(r.Workload)}</td><td>{Html.E(r.Kind.ToString().ToLowerInvariant())}</td><td>{Html.E(r.Metric)}</td>");
            body.Append($"<td>{Html.Number(r.MedianA)} {Html.E(r.Unit)}</td><td>{Html.Number(r.MedianB)} {Html.E(r.Unit)}</td><td>{Html.E(faster)}</td>");
            body.Append(string.Create(CultureInfo.InvariantCulture, $"<td>{r.Ratio:0.00}×{Html.E(interval)}</td></tr>\n"));
        }
        body.Append("</tbody></table></div>\n");
        body.Append($"<p class=\"note\">{Html.E(comparison.Method)}</p>\n");
    }

    private static void WriteEngineRatios(StringBuilder body, RunComparison comparison, bool machinesDiffer)
    {
        body.Append("<h2 id=\"engine-ratios\">Engine against engine, run against run</h2>\n");
        if (comparison.EngineRatios.Count == 0)
        {
            body.Append("<p id=\"no-engine-ratios\">No two engines measured the same metric in both runs, so no ratio of engine ratios can cancel the machines.</p>\n");
            return;
        }
        body.Append(machinesDiffer
            ? "<p>The runs are on different machines: these ratios of engine ratios cancel each machine's raw speed; read them rather than the table above.</p>\n"
            : "<p>Each engine over the reference engine in each run; 1 in the last column means they stand where they stood.</p>\n");
        body.Append("<div class=\"scroll\"><table id=\"engine-ratios-table\"><caption>Engine ratios in A and B, and B's over A's</caption><thead><tr>");
        foreach (var column in new[] { "Workload", "Kind", "Metric", "Engine / reference", "In A", "In B", "B over A [95% interval]" })
            body.Append($"<th scope=\"col\">{column}</th>");
        body.Append("</tr></thead><tbody>\n");
        foreach (var e in comparison.EngineRatios)
        {
            var interval = e.Low is { } low && e.High is { } high
                ? string.Create(CultureInfo.InvariantCulture, $" [{low:0.00}–{high:0.00}]") : " (too few samples for an interval)";
            body.Append($"<tr><td>{Html.E(e.Workload)}</td><td>{Html.E(e.Kind.ToString().ToLowerInvariant())}</td><td>{Html.E(e.Metric)}</td>");
            body.Append($"<td>{Html.E(e.Engine)} / {Html.E(e.Reference)}</td>");
            body.Append(string.Create(CultureInfo.InvariantCulture, $"<td>{e.RatioA:0.00}×</td><td>{e.RatioB:0.00}×</td><td>{e.Change:0.00}×{Html.E(interval)}</td></tr>\n"));
        }
        body.Append("</tbody></table></div>\n");
    }
}
