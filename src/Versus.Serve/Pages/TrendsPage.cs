using System.Text;
using Microsoft.AspNetCore.Http;
using Versus.Core.Results;
using Versus.Reports.Html;
using Versus.Serve.Trends;
using Versus.Store;

namespace Versus.Serve.Pages;

/// <summary>"/trends": one engine x workload x metric across the stored runs of one machine, charted with its intervals and engine versions.</summary>
internal static class TrendsPage
{
    public static async Task<IResult> HandleAsync(HttpRequest request, IResultStore store, CancellationToken cancellationToken)
    {
        var q = request.Query;
        string? machine = Blank(q["machine"]), engine = Blank(q["engine"]), workload = Blank(q["workload"]), metric = Blank(q["metric"]);
        var problem = TrendQuery.Problem("machine", machine) ?? TrendQuery.Problem("engine", engine) ??
            TrendQuery.Problem("workload", workload) ?? TrendQuery.Problem("metric", metric) ??
            (metric is not null && !TrendQuery.Metrics.Contains(metric) ? $"metric '{metric}' is not one a trend can follow; choose one of {string.Join(", ", TrendQuery.Metrics)}." : null);
        if (problem is not null) return ErrorPage.Result(StatusCodes.Status400BadRequest, "Bad trend query", problem, ("Trends", "/trends"));

        var runs = await store.ListRunsAsync(10_000, cancellationToken);
        var body = new StringBuilder();
        if (runs.Count == 0)
        {
            body.Append("<p>No runs stored yet: a trend needs runs.</p>");
            return PageResult.Html(Layout.Page("Trends", body.ToString(), "/trends"));
        }
        machine ??= runs[0].Machine;
        var onMachine = runs.Where(r => r.Machine == machine).ToList();
        engine ??= onMachine.SelectMany(r => r.Engines).FirstOrDefault() ?? "";
        workload ??= onMachine.SelectMany(r => r.Workloads).FirstOrDefault() ?? "";
        var query = new TrendQuery(machine, engine, workload, metric ?? MetricNames.LatencyBatch1);

        WriteForm(body, query, runs, onMachine);
        var points = await TrendReader.ReadAsync(store, runs, query, cancellationToken);
        if (points.Count == 0)
        {
            body.Append($"<p id=\"no-trend\">No stored run on {Html.E(query.Machine)} measured {Html.E(query.Metric)} of {Html.E(query.Engine)} on {Html.E(query.Workload)}.</p>");
        }
        else
        {
            body.Append(ChartHtml.Figure(TrendChart.Build(query, points)));
        }
        return PageResult.Html(Layout.Page("Trends", body.ToString(), "/trends"));
    }

    private static void WriteForm(StringBuilder body, TrendQuery query, IReadOnlyList<RunSummary> runs, IReadOnlyList<RunSummary> onMachine)
    {
        body.Append("<form class=\"filter\" method=\"get\" action=\"/trends\" aria-label=\"Choose a trend\">\n");
        Select(body, "machine", "Machine", query.Machine, runs.Select(r => r.Machine));
        Select(body, "engine", "Engine", query.Engine, onMachine.SelectMany(r => r.Engines));
        Select(body, "workload", "Workload", query.Workload, onMachine.SelectMany(r => r.Workloads));
        Select(body, "metric", "Metric", query.Metric, TrendQuery.Metrics, sort: false);
        body.Append("<button type=\"submit\">Show</button>\n</form>\n");
    }

    private static void Select(StringBuilder body, string name, string label, string selected, IEnumerable<string> values, bool sort = true)
    {
        var distinct = values.Distinct();
        if (sort) distinct = distinct.Order(StringComparer.Ordinal);
        body.Append($"<label for=\"t-{name}\">{label}</label> <select id=\"t-{name}\" name=\"{name}\">");
        foreach (var v in distinct) body.Append($"<option{(v == selected ? " selected" : "")}>{Html.E(v)}</option>");
        body.Append("</select>\n");
    }

    private static string? Blank(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
