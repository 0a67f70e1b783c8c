using Versus.Core.Measurement;
using Versus.Core.Results;

namespace Versus.Core.Planning;

/// <summary>
/// Runs a plan in order, one worker process at a time (measurements never share the machine), and hands every finished
/// record to <paramref name="onFinished"/> at once so it is stored before the next one starts.
/// </summary>
public static class SuiteRunner
{
    public static async Task<IReadOnlyList<MeasurementRecord>> RunAsync(RunPlan plan, Func<PlannedMeasurement, Task> onStarting,
        Func<MeasurementRecord, Task> onFinished, CancellationToken cancellationToken)
    {
        var records = new List<MeasurementRecord>();
        double? peak = null;
        foreach (var planned in plan.Measurements)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await onStarting(planned);
            var record = planned.SkipReason is { } reason
                ? MeasurementRunner.Skipped(planned.Task, reason)
                : await MeasurementRunner.RunAsync(planned.Task, peak, cancellationToken);
            if (record is { Kind: MeasurementKind.MachinePeak, Status: MeasurementStatus.Ok })
                peak = record.Metric(MetricNames.MatmulGflops)?.Summary?.Median;
            records.Add(record);
            await onFinished(record);
        }
        return records;
    }
}
