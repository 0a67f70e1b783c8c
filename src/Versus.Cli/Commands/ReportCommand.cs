using System.ComponentModel;
using Spectre.Console.Cli;
using Versus.Cli.Console;
using Versus.Cli.Reporting;
using Versus.Reports;
using Versus.Store;

namespace Versus.Cli.Commands;

/// <summary>"versus report RUN": a stored run's report in any format, to standard output or to a file.</summary>
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
        try
        {
            await using var store = await ResultStores.OpenAsync(settings.Db, cancellationToken);
            if (await StoredRuns.LoadAsync(store, settings.Run, cancellationToken) is not { } run) return ExitCodes.BadInput;
            var text = renderer.Render(new ReportComposer().Compose(run), run);
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
