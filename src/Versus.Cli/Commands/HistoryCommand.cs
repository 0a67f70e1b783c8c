using System.ComponentModel;
using System.Globalization;
using Spectre.Console;
using Spectre.Console.Cli;
using Versus.Store;

namespace Versus.Cli.Commands;

/// <summary>"versus history": the stored runs, newest first.</summary>
public sealed class HistoryCommand : AsyncCommand<HistoryCommand.Settings>
{
    public sealed class Settings : StoreSettings
    {
        [CommandOption("--limit <N>")]
        [Description("How many runs to list (default 20).")]
        public int Limit { get; init; } = 20;
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        try
        {
            await using var store = await ResultStores.OpenAsync(settings.Db, cancellationToken);
            var runs = await store.ListRunsAsync(Math.Max(1, settings.Limit), cancellationToken);
            if (runs.Count == 0)
            {
                System.Console.WriteLine($"No runs stored in {store.Location} yet; start one with 'versus run --quick'.");
                return ExitCodes.Ok;
            }
            if (System.Console.IsOutputRedirected)
            {
                // Pipes and scripts get one tab-separated line per run instead of a table wrapped to 80 columns.
                foreach (var r in runs)
                    System.Console.WriteLine(string.Join('\t', r.RunId, r.StartedAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture), r.Status,
                        string.Join(',', r.Engines), string.Join(',', r.Workloads), $"{r.Measurements.Ok}/{r.Measurements.Failed}/{r.Measurements.Skipped}", r.Cpu));
                return ExitCodes.Ok;
            }
            var table = new Table().Border(TableBorder.Rounded).Title($"Runs in {Markup.Escape(store.Location)}");
            foreach (var column in new[] { "run", "started (UTC)", "status", "engines", "workloads", "ok/failed/skipped", "cpu" }) table.AddColumn(column);
            foreach (var r in runs)
            {
                table.AddRow(Markup.Escape(r.RunId), r.StartedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), Markup.Escape(r.Status),
                    Markup.Escape(string.Join(", ", r.Engines)), Markup.Escape(string.Join(", ", r.Workloads)),
                    $"{r.Measurements.Ok}/{r.Measurements.Failed}/{r.Measurements.Skipped}", Markup.Escape(r.Cpu));
            }
            AnsiConsole.Write(table);
            return ExitCodes.Ok;
        }
        catch (StoreException e)
        {
            Console.ErrorLine.Print(e.Message);
            return ExitCodes.BadInput;
        }
    }
}
