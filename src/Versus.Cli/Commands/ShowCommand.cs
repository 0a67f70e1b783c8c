using System.ComponentModel;
using Spectre.Console.Cli;
using Versus.Cli.Console;
using Versus.Core.Results;
using Versus.Reports;
using Versus.Store;

namespace Versus.Cli.Commands;

/// <summary>"versus show RUN": one stored run, as its summary table, or as results.json / Markdown.</summary>
public sealed class ShowCommand : AsyncCommand<ShowCommand.Settings>
{
    public sealed class Settings : StoreSettings
    {
        [CommandArgument(0, "<RUN>")]
        [Description("Run id or a unique prefix of it (see 'versus history').")]
        public string Run { get; init; } = "";

        [CommandOption("--format <FORMAT>")]
        [Description("table (default), json or markdown.")]
        public string Format { get; init; } = "table";
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (settings.Format is not ("table" or "json" or "markdown"))
        {
            ErrorLine.Print($"--format '{settings.Format}' is not a format; use table, json or markdown");
            return ExitCodes.BadInput;
        }
        try
        {
            await using var store = await ResultStores.OpenAsync(settings.Db, cancellationToken);
            if (await StoredRuns.LoadAsync(store, settings.Run, cancellationToken) is not { } run) return ExitCodes.BadInput;
            switch (settings.Format)
            {
                case "json": System.Console.WriteLine(ResultsJson.Serialize(run)); break;
                case "markdown": System.Console.WriteLine(new MarkdownReport().Render(run)); break;
                default: RunSummaryTable.Write(run); break;
            }
            return ExitCodes.Ok;
        }
        catch (StoreException e)
        {
            ErrorLine.Print(e.Message);
            return ExitCodes.BadInput;
        }
    }
}
