using System.Globalization;
using Spectre.Console;
using Spectre.Console.Cli;
using Versus.Core.Planning;

namespace Versus.Cli.Commands;

/// <summary>"versus list": which engines run here (version, backend; or why not and the fix) and the workloads with their cost.</summary>
public sealed class ListCommand : AsyncCommand
{
    public override async Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var engines = new Table().Border(TableBorder.Rounded).Title("Engines");
        engines.AddColumn("engine");
        engines.AddColumn("can");
        engines.AddColumn("status");
        foreach (var engine in EngineCatalog.All)
        {
            var availability = await engine.CheckAvailabilityAsync(cancellationToken);
            var status = availability.IsUsable
                ? $"[green]usable[/] {Markup.Escape(availability.Summary)}"
                : $"[red]not usable[/] {Markup.Escape(availability.Summary)}" + (availability.Fix is null ? "" : $"\nfix: {Markup.Escape(availability.Fix)}");
            if (availability.Shortfall is { } shortfall) status += $"\n[yellow]slower than it could be[/]: {Markup.Escape(shortfall)}";
            status += engine.IncludedByDefault
                ? "\n[blue]in the default set[/]: every 'versus run' without --engines measures it"
                : "\nnamed only: not in the default set, runs with e.g. --engines torchsharp," + Markup.Escape(engine.Id);
            engines.AddRow(engine.Id, engine.Capabilities.ToString().ToLowerInvariant(), status);
        }
        AnsiConsole.Write(engines);

        var catalog = WorkloadCatalog.Locate();
        var (workloads, errors) = catalog.Resolve(catalog.Ids);
        var table = new Table().Border(TableBorder.Rounded).Title($"Workloads ({Markup.Escape(catalog.Directory)})");
        foreach (var column in new[] { "workload", "input", "params", "forward MFLOP/image", "training MFLOP/image", "batch", "optimizer", "epochs" })
            table.AddColumn(column);
        foreach (var w in workloads)
        {
            table.AddRow(w.Id, w.Spec.Input.ToString(), w.Analysis.TrainableParameters.ToString("N0", CultureInfo.InvariantCulture),
                (w.Analysis.ForwardFlopsPerExample / 1e6).ToString("0.0", CultureInfo.InvariantCulture),
                (w.Analysis.TrainingFlopsPerExample / 1e6).ToString("0.0", CultureInfo.InvariantCulture),
                w.Spec.Training.BatchSize.ToString(CultureInfo.InvariantCulture), w.Spec.Training.Optimizer.ToString().ToLowerInvariant(),
                w.Spec.Training.Epochs.ToString(CultureInfo.InvariantCulture));
        }
        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine("Family workloads take a parameter: [bold]depth-N[/] (any N up to 256); [bold]depth[/] alone runs the sweep listed above.");
        foreach (var e in errors) Console.ErrorLine.Print(Console.ErrorLine.Format(e));
        return errors.Count == 0 ? ExitCodes.Ok : ExitCodes.BadInput;
    }
}
