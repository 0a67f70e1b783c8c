using Versus.Core.Measurement;
using Versus.Core.Results;

namespace Versus.Core.Planning;

/// <summary>
/// Runs a plan in order, one worker process at a time (measurements never share the machine), and hands every finished
/// record to <paramref name="onFinished"/> at once so it is stored before the next one starts. Training that costs at
/// least as much per step as one its engine could not fit in the budget, or predicted too slow at the fastest rate its engine
/// trained an earlier workload, is skipped without a worker (<see cref="TrainingForecast"/>).
/// Each workload's trained state for forward parity is saved by the reference's training measurement, or produced once
/// before the first inference measurement that needs it (<see cref="TrainedStates"/>).
/// </summary>
public static class SuiteRunner
{
    public static Task<IReadOnlyList<MeasurementRecord>> RunAsync(RunPlan plan, Func<PlannedMeasurement, Task> onStarting,
        Func<MeasurementRecord, Task> onFinished, CancellationToken cancellationToken) =>
        RunAsync(plan, [], onStarting, onFinished, cancellationToken);

    /// <summary>
    /// Runs the plan except the measurements in <paramref name="finished"/> (a resumed run's, by id), which are neither
    /// run nor handed on again but still count as if just run: their machine peak and their skipped training shape
    /// what follows exactly as in an uninterrupted run. Returns only the records run now.
    /// </summary>
    public static async Task<IReadOnlyList<MeasurementRecord>> RunAsync(RunPlan plan, IReadOnlyCollection<MeasurementRecord> finished,
        Func<PlannedMeasurement, Task> onStarting, Func<MeasurementRecord, Task> onFinished, CancellationToken cancellationToken)
    {
        var done = finished.ToDictionary(r => r.Id);
        var records = new List<MeasurementRecord>();
        var forecast = new TrainingForecast();
        var peaks = new MachinePeaks();
        var trainedStates = new TrainedStates();
        foreach (var planned in plan.Measurements)
        {
            var earlier = done.GetValueOrDefault(planned.Task.Id);
            MeasurementRecord record;
            string? reason;
            if (earlier is not null)
            {
                (record, reason) = (earlier, planned.SkipReason ?? forecast.WhyNot(planned.Task));
            }
            else
            {
                cancellationToken.ThrowIfCancellationRequested();
                await onStarting(planned);
                reason = planned.SkipReason ?? forecast.WhyNot(planned.Task);
                // The trained state is made before the worker that probes it starts, so it never shares the machine with one.
                var trained = reason is null && planned.Task.TrainedState is { } state
                    ? await trainedStates.ForAsync(state, done.GetValueOrDefault(state.Producer.Id) ?? records.Find(r => r.Id == state.Producer.Id), cancellationToken)
                    : null;
                record = reason is not null
                    ? MeasurementRunner.Skipped(planned.Task, reason)
                    : await MeasurementRunner.RunAsync(planned.Task, peaks, trained, cancellationToken);
            }
            if (reason is null && record.Status == MeasurementStatus.Skipped) forecast.ObserveSkipped(planned.Task, record.Reason ?? "");
            forecast.ObserveMeasured(planned.Task, record);
            peaks.Observe(record);
            if (earlier is not null) continue;
            records.Add(record);
            await onFinished(record);
        }
        return records;
    }
}
