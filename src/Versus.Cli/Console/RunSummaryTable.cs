using Spectre.Console;
using Versus.Core.Results;

namespace Versus.Cli.Console;

/// <summary>The end-of-run table on the terminal: one row per measurement with its headline figure or its reason.</summary>
public static class RunSummaryTable
{
    public static void Write(RunResults results)
    {
        var table = new Table().Border(TableBorder.Rounded).Title($"Versus run {Markup.Escape(results.RunId)} ({Markup.Escape(results.Status)})");
        table.AddColumn("engine");
        table.AddColumn("workload");
        table.AddColumn("kind");
        table.AddColumn("result");
        foreach (var r in results.Measurements)
        {
            var colour = r.Status switch { MeasurementStatus.Ok => "green", MeasurementStatus.Skipped => "yellow", _ => "red" };
            var backend = r.EngineInfo is { } info ? $" ({info.Backend}, {info.Threads} thr)" : "";
            table.AddRow(Markup.Escape(r.Engine + backend), Markup.Escape(r.Workload), Label.Kind(r.Kind), $"[{colour}]{Markup.Escape(Label.Outcome(r))}[/]");
        }
        AnsiConsole.Write(table);
    }
}
