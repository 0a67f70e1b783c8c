using System.ComponentModel;
using Spectre.Console.Cli;
using Versus.Cli.Console;
using Versus.Cli.Reporting;
using Versus.Reports;
using Versus.Reports.RunToRun;
using Versus.Store;

namespace Versus.Cli.Commands;

/// <summary>
/// "versus report RUN": a stored run's report in any format, to standard output or to a file; with --compare RUN2, the
/// report also shows RUN against RUN2 (the baseline), metric by metric.
/// </summary>
public sealed class ReportCommand : AsyncCommand<ReportCommand.Settings>
{
    public sealed class Settings : StoreSettings
    {
        [CommandArgument(0, "<RUN>")]
        [Description("Run id or a unique prefix of it (see 'versus history').")]
        public string Run { get; init; } = "";

        [CommandOption("--format <FORMAT>")]
        [Description("html (default: one self-contained file with charts), md or json (the report model).")]
        public string Format { get; init; } = "html";

        [CommandOption("--compare <RUN2>")]
        [Description("Add run-against-run: RUN compared with RUN2 as the baseline (a run id, results.json or run folder).")]
        public string? Compare { get; init; }

        [CommandOption("--threshold <VALUE>")]
        [Description("With --compare: the change that matters, 5% (default) or 0.05.")]
        public string Threshold { get; init; } = "5%";

        [CommandOption("--out <FILE>")]
        [Description("File to write (default: standard output). Written whole or not at all.")]
        public string? Out { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var renderer = ReportFormats.Find(settings.Format);
        if (renderer is null)
        {
            ErrorLine.Print($"--format '{settings.Format}' is not a report format; use one of {ReportFormats.Names}");
            return ExitCodes.BadInput;
        }
        if (settings.Out is { } outPath && ReportFile.Problem(outPath) is { } problem)
        {
            ErrorLine.Print($"--out '{outPath}' {problem}");
            return ExitCodes.BadInput;
        }
        if (ThresholdOption.Parse(settings.Threshold, out var threshold) is { } thresholdProblem) return ErrorLine.Print([thresholdProblem]);
        try
        {
            await using var store = await ResultStores.OpenAsync(settings.Db, cancellationToken);
            if (await StoredRuns.LoadAsync(store, settings.Run, cancellationToken) is not { } run) return ExitCodes.BadInput;
            RunComparison? against = null;
            if (settings.Compare is { } baseline)
            {
                await using var runs = new RunReferences(settings.Db);
                if (await runs.LoadAsync("--compare", baseline, cancellationToken) is not { } before) return ExitCodes.BadInput;
                against = ComparedRuns.Compare(before, run, new ComparisonOptions(threshold), "RUN and --compare");
                if (against is null) return ExitCodes.BadInput;
            }
            var text = renderer.Render(new ReportComposer().Compose(run, against), run);
            if (settings.Out is null) System.Console.Out.Write(text);
            else ReportFile.Write(settings.Out, text);
            return ExitCodes.Ok;
        }
        catch (StoreException e)
        {
            ErrorLine.Print(e.Message);
            return ExitCodes.BadInput;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            ErrorLine.Print($"--out '{settings.Out}' could not be written ({e.Message}); choose a file in a folder you can write to");
            return ExitCodes.BadInput;
        }
    }
}
