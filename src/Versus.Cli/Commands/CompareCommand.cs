using System.ComponentModel;
using Spectre.Console.Cli;
using Versus.Cli.Console;
using Versus.Core.Results;
using Versus.Core.Validation;
using Versus.Reports;
using Versus.Reports.Rendering;
using Versus.Reports.RunToRun;
using Versus.Store;

namespace Versus.Cli.Commands;

/// <summary>
/// "versus compare A B": run B against run A, metric by metric (ratio, test, verdict), computed once and shown as a
/// terminal table, Markdown, or the comparison itself as JSON. With --fail-on-regression, a slower metric fails CI.
/// </summary>
public sealed class CompareCommand : AsyncCommand<CompareCommand.Settings>
{
    public sealed class Settings : StoreSettings
    {
        [CommandArgument(0, "<A>")]
        [Description("The baseline: a run id or unique prefix (see 'versus history'), a results.json, or a run folder.")]
        public string A { get; init; } = "";

        [CommandArgument(1, "<B>")]
        [Description("The run compared with it, named the same ways. Ratios are B over A.")]
        public string B { get; init; } = "";

        [CommandOption("--format <FORMAT>")]
        [Description("table (default), markdown, or json (the comparison as data, engine ratios across runs included).")]
        public string Format { get; init; } = "table";

        [CommandOption("--threshold <VALUE>")]
        [Description("The change that matters: 5% (default) or 0.05. Smaller changes are never called faster or slower.")]
        public string Threshold { get; init; } = "5%";

        [CommandOption("--fail-on-regression")]
        [Description("Exit with code 3 when any metric is slower in B (for CI); the comparison is still printed.")]
        public bool FailOnRegression { get; init; }
    }

    private static readonly string[] Formats = ["table", "markdown", "md", "json"];

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var errors = new List<ValidationError>();
        if (!Formats.Contains(settings.Format, StringComparer.OrdinalIgnoreCase))
            errors.Add(new ValidationError("--format", settings.Format, "is not a format; use table, markdown or json"));
        if (ThresholdOption.Parse(settings.Threshold, out var threshold) is { } problem) errors.Add(problem);
        if (errors.Count > 0) return ErrorLine.Print(errors);
        try
        {
            await using var runs = new RunReferences(settings.Db);
            if (await runs.LoadAsync("A", settings.A, cancellationToken) is not { } a) return ExitCodes.BadInput;
            if (await runs.LoadAsync("B", settings.B, cancellationToken) is not { } b) return ExitCodes.BadInput;
            if (ComparedRuns.Compare(a, b, new ComparisonOptions(threshold), "A and B") is not { } comparison) return ExitCodes.BadInput;
            Write(settings.Format.ToLowerInvariant(), comparison, b);
            return Outcome(comparison, settings.FailOnRegression);
        }
        catch (StoreException e)
        {
            ErrorLine.Print(e.Message);
            return ExitCodes.BadInput;
        }
    }

    private static void Write(string format, RunComparison comparison, RunResults b)
    {
        switch (format)
        {
            case "json": System.Console.WriteLine(ResultsJson.Serialize(comparison)); break;
            case "markdown" or "md": System.Console.Write(ReportRenderers.Markdown.Render(RunComparisonReport.Compose(comparison), b)); break;
            default: ConsoleReport.Write(RunComparisonReport.Compose(comparison)); break;
        }
    }

    private static int Outcome(RunComparison comparison, bool failOnRegression)
    {
        var regressions = comparison.Regressions.ToList();
        if (!failOnRegression || regressions.Count == 0) return ExitCodes.Ok;
        System.Console.Error.WriteLine($"regression: {regressions.Count} metric(s) slower in '{comparison.RunB}' than in '{comparison.RunA}': " +
            string.Join(", ", regressions.Select(m => $"{m.Engine} {m.Workload} {m.Metric}")));
        return ExitCodes.Regression;
    }
}
