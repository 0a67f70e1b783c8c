using Versus.Core.Measurement;
using Versus.Core.Results;

namespace Versus.Core.Planning;

/// <summary>
/// Runs a plan in order, one worker process at a time (measurements never share the machine), and hands every finished
/// record to <paramref name="onFinished"/> at once so it is stored before the next one starts. Training that costs at
/// least as much per step as one its engine could not fit in the budget is skipped without a worker (<see cref="SlowTrainingFloor"/>).
/// </summary>
public static class SuiteRunner
{
    public static async Task<IReadOnlyList<MeasurementRecord>> RunAsync(RunPlan plan, Func<PlannedMeasurement, Task> onStarting,
        Func<MeasurementRecord, Task> onFinished, CancellationToken cancellationToken)
    {
        var records = new List<MeasurementRecord>();
        var slowTraining = new SlowTrainingFloor();
        var peaks = new MachinePeaks();
        foreach (var planned in plan.Measurements)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await onStarting(planned);
            var reason = planned.SkipReason ?? slowTraining.WhyNot(planned.Task);
            var record = reason is not null
                ? MeasurementRunner.Skipped(planned.Task, reason)
                : await MeasurementRunner.RunAsync(planned.Task, peaks, cancellationToken);
            if (reason is null && record.Status == MeasurementStatus.Skipped) slowTraining.Observe(planned.Task, record.Reason ?? "");
            peaks.Observe(record);
            records.Add(record);
            await onFinished(record);
        }
        return records;
    }
}
