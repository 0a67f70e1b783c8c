using System.Text;
using Microsoft.AspNetCore.Http;
using Versus.Reports.Verdict;
using Versus.Serve.Hosting;
using Versus.Serve.Runs;

namespace Versus.Serve.Pages;

/// <summary>
/// "/new": the form (engines with their availability, workloads, quick, no-deploy, threads, epochs, priorities). A POST is
/// validated on the server; problems are shown beside their fields (400), a good form starts the run and goes live.
/// </summary>
internal static class NewRunPage
{
    public static async Task<IResult> ShowAsync(EngineChoices engines, ServeOptions options, RunSupervisor supervisor)
    {
        var choices = await engines.GetAsync();
        var form = RunForm.Default with { Engines = [.. choices.Where(c => c.Usable && c.IncludedByDefault).Select(c => c.Id).Take(1)] };
        return PageResult.Html(Render(form, new Dictionary<string, string>(), choices, options.Workloads, supervisor.Current));
    }

    public static async Task<IResult> SubmitAsync(HttpRequest request, EngineChoices engines, ServeOptions options, RunSupervisor supervisor)
    {
        if (!request.HasFormContentType)
            return ErrorPage.Result(StatusCodes.Status415UnsupportedMediaType, "Malformed request", "The new-run form must be sent as a form.", ("New run", "/new"));
        var data = await request.ReadFormAsync();
        var form = new RunForm([.. data["engines"].OfType<string>()], [.. data["workloads"].OfType<string>()],
            data["quick"] == "on", data["no-deploy"] == "on", data["threads"].ToString().Trim(), data["epochs"].ToString().Trim(),
            data["priorities"].ToString());
        var choices = await engines.GetAsync();
        var problems = form.Validate(choices, options.Workloads);
        if (problems.Count > 0)
            return PageResult.Html(Render(form, problems, choices, options.Workloads, supervisor.Current), StatusCodes.Status400BadRequest);
        var (_, refusal) = supervisor.TryStart(form.Arguments(options.StorePath));
        if (refusal is not null) return ErrorPage.Result(StatusCodes.Status409Conflict, "Run not started", refusal, ("The run in progress", "/live"));
        return Results.Redirect("/live");
    }

    private static string Render(RunForm form, IReadOnlyDictionary<string, string> problems, IReadOnlyList<EngineChoice> engines,
        IReadOnlyList<string> workloads, ActiveRun? current)
    {
        var body = new StringBuilder();
        if (current is { IsFinished: false })
            body.Append("<p class=\"note\" role=\"note\">A run is in progress: <a href=\"/live\">watch it</a>. A new one can start when it ends.</p>\n");
        if (problems.Count > 0)
            body.Append($"<div class=\"error\" role=\"alert\" id=\"form-errors\"><p>The run was not started: {problems.Count} field(s) need a change.</p></div>\n");
        body.Append("<form method=\"post\" action=\"/new\" class=\"run-form\" novalidate>\n");

        Fieldset(body, "engines", "Engines", problems, () =>
        {
            foreach (var e in engines)
            {
                var id = $"engine-{Html.E(e.Id.Replace(':', '-'))}";
                var check = form.Engines.Contains(e.Id) ? " checked" : "";
                var disabled = e.Usable ? "" : " disabled";
                var state = e.Usable ? $"usable: {e.Summary}" : $"not usable here: {e.Summary}{(e.Fix is null ? "" : $" Fix: {e.Fix}")}";
                body.Append($"<div class=\"choice\"><input type=\"checkbox\" name=\"engines\" value=\"{Html.E(e.Id)}\" id=\"{id}\"{check}{disabled} aria-describedby=\"{id}-state\">");
                body.Append($"<label for=\"{id}\">{Html.E(e.Id)}</label> <span class=\"hint\" id=\"{id}-state\">{Html.E(state)}</span></div>\n");
            }
        });
        Fieldset(body, "workloads", "Workloads", problems, () =>
        {
            foreach (var w in workloads)
            {
                var id = $"workload-{Html.E(w)}";
                var check = form.Workloads.Contains(w) ? " checked" : "";
                body.Append($"<div class=\"choice\"><input type=\"checkbox\" name=\"workloads\" value=\"{Html.E(w)}\" id=\"{id}\"{check}><label for=\"{id}\">{Html.E(w)}</label></div>\n");
            }
        });
        body.Append("<fieldset><legend>Options</legend>\n");
        body.Append($"<div class=\"choice\"><input type=\"checkbox\" name=\"quick\" id=\"quick\"{(form.Quick ? " checked" : "")}><label for=\"quick\">Quick (small data and budgets, medians within 5%)</label></div>\n");
        body.Append($"<div class=\"choice\"><input type=\"checkbox\" name=\"no-deploy\" id=\"no-deploy\"{(form.NoDeploy ? " checked" : "")}><label for=\"no-deploy\">Skip the deployment probes</label></div>\n");
        NumberField(body, "threads", "Threads (empty: every core)", form.Threads, problems);
        NumberField(body, "epochs", "Training epochs (empty: the workload's own, 2 with Quick)", form.Epochs, problems);
        var prioritiesError = problems.TryGetValue("priorities", out var p) ? p : null;
        body.Append("<div class=\"field\"><label for=\"priorities\">Priorities (what the verdict weighs)</label> ");
        body.Append($"<select name=\"priorities\" id=\"priorities\"{(prioritiesError is null ? "" : " aria-invalid=\"true\" aria-describedby=\"priorities-error\"")}>");
        foreach (var name in PriorityProfiles.Names) body.Append($"<option{(name == form.Priorities ? " selected" : "")}>{Html.E(name)}</option>");
        body.Append("</select>");
        if (prioritiesError is not null) body.Append($"<p class=\"field-error\" id=\"priorities-error\">{Html.E(prioritiesError)}</p>");
        body.Append("</div>\n</fieldset>\n<button type=\"submit\">Start the run</button>\n</form>\n");
        return Layout.Page("New run", body.ToString(), "/new");
    }

    private static void NumberField(StringBuilder body, string name, string label, string value, IReadOnlyDictionary<string, string> problems)
    {
        var error = problems.TryGetValue(name, out var e) ? e : null;
        body.Append($"<div class=\"field\"><label for=\"{name}\">{Html.E(label)}</label> ");
        body.Append($"<input type=\"text\" inputmode=\"numeric\" name=\"{name}\" id=\"{name}\" value=\"{Html.E(value)}\" size=\"6\" maxlength=\"8\"");
        body.Append(error is null ? ">" : $" aria-invalid=\"true\" aria-describedby=\"{name}-error\">");
        if (error is not null) body.Append($"<p class=\"field-error\" id=\"{name}-error\">{Html.E(error)}</p>");
        body.Append("</div>\n");
    }

    private static void Fieldset(StringBuilder body, string name, string legend, IReadOnlyDictionary<string, string> problems, Action content)
    {
        var error = problems.TryGetValue(name, out var e) ? e : null;
        body.Append($"<fieldset id=\"{name}\"{(error is null ? "" : $" aria-describedby=\"{name}-error\"")}><legend>{legend}</legend>\n");
        if (error is not null) body.Append($"<p class=\"field-error\" id=\"{name}-error\">{Html.E(error)}</p>\n");
        content();
        body.Append("</fieldset>\n");
    }
}
