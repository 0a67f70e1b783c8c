using Spectre.Console;
using Versus.Core.Planning;
using Versus.Core.Results;

namespace Versus.Cli.Console;

/// <summary>A Spectre.Console progress display: one row per measurement, a spinner while it runs, its outcome after.</summary>
public sealed class LiveRunProgress(ProgressContext context, int total) : IRunProgress
{
    private ProgressTask? current;
    private int index;

    public void Starting(PlannedMeasurement measurement)
    {
        index++;
        current = context.AddTask(Markup.Escape($"[{index}/{total}] {Label.Of(measurement.Task.Engine.Id, measurement.Task.Workload, measurement.Task.Kind)}"));
        current.IsIndeterminate = true;
    }

    public void Finished(MeasurementRecord record)
    {
        if (current is null) return;
        var colour = record.Status switch { MeasurementStatus.Ok => "green", MeasurementStatus.Skipped => "yellow", _ => "red" };
        current.Description = $"{current.Description} [{colour}]{Markup.Escape(Label.Outcome(record))}[/]";
        current.IsIndeterminate = false;
        current.Value = current.MaxValue;
        current.StopTask();
    }

    /// <summary>Runs <paramref name="body"/> under a live display when stdout is an interactive terminal, else with plain lines.</summary>
    public static async Task<T> RunAsync<T>(int total, Func<IRunProgress, Task<T>> body)
    {
        if (!AnsiConsole.Profile.Capabilities.Interactive || System.Console.IsOutputRedirected)
            return await body(new PlainRunProgress(System.Console.Out, total));
        return await AnsiConsole.Progress()
            .AutoClear(false)
            .HideCompleted(false)
            .Columns(new SpinnerColumn(), new TaskDescriptionColumn { Alignment = Justify.Left }, new ElapsedTimeColumn())
            .StartAsync(ctx => body(new LiveRunProgress(ctx, total)));
    }
}
