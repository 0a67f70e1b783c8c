using System.Globalization;
using Versus.Core.Measurement;
using Versus.Core.Results;

namespace Versus.Core.Planning;

/// <summary>
/// Per engine, what its earlier training measurements in this run say about a later one, before a worker starts for
/// it: on TensorFlow.js each worker costs a Chromium launch, a model build and warm-up steps only to conclude what the
/// run already knows. Two rules, both from analytic FLOPs at the training batch:
/// a step doing at least the work of one already estimated not to fit its budget will not fit either (small-cnn-28
/// skipped, then cnn-64 and depth-16); and a step is predicted at the fastest training rate the engine achieved on an
/// earlier workload (the fastest, so the prediction errs towards running): cnn-64 on WebGL here, predicted at
/// small-cnn-28's 1.4 GFLOP/s, would take about 14 s a step, when its worker spent 43 s to find its warm-up step too slow.
/// </summary>
public sealed class TrainingForecast
{
    private readonly Dictionary<string, (double Flops, string Workload, string Reason)> floors = [];
    private readonly Dictionary<string, (double FlopsPerSecond, double StepMs, string Workload)> rates = [];

    /// <summary>Notes a training measurement its worker skipped on the estimate (not one skipped before it ran).</summary>
    public void ObserveSkipped(MeasurementTask task, string reason)
    {
        if (task.Kind != MeasurementKind.Training || StepFlops(task) is not { } flops) return;
        if (floors.TryGetValue(task.Engine.Id, out var known) && known.Flops <= flops) return;
        floors[task.Engine.Id] = (flops, task.Workload, reason);
    }

    /// <summary>Notes the rate of a finished training measurement; anything else is ignored.</summary>
    public void ObserveMeasured(MeasurementTask task, MeasurementRecord record)
    {
        if (task.Kind != MeasurementKind.Training || record.Status != MeasurementStatus.Ok || StepFlops(task) is not { } flops) return;
        if (record.Metric(MetricNames.TrainStep)?.Summary?.Median is not (> 0 and var stepMs)) return;
        var rate = flops / (stepMs / 1000);
        if (rates.TryGetValue(task.Engine.Id, out var known) && known.FlopsPerSecond >= rate) return;
        rates[task.Engine.Id] = (rate, stepMs, task.Workload);
    }

    /// <summary>The reason to skip this training task without running it, or null.</summary>
    public string? WhyNot(MeasurementTask task)
    {
        if (task.Kind != MeasurementKind.Training || StepFlops(task) is not { } flops) return null;
        if (floors.TryGetValue(task.Engine.Id, out var floor) && flops >= floor.Flops)
            return string.Create(CultureInfo.InvariantCulture,
                $"estimated from {floor.Workload}: a training step here does {flops / 1e9:0.##} GFLOP, at least the "
                + $"{floor.Flops / 1e9:0.##} GFLOP of {floor.Workload}'s, which was skipped on this engine ({floor.Reason})");
        if (!rates.TryGetValue(task.Engine.Id, out var known)) return null;
        var stepMs = flops / known.FlopsPerSecond * 1000;
        var basis = string.Create(CultureInfo.InvariantCulture,
            $"a training step here does {flops / 1e9:0.##} GFLOP: about {stepMs / 1000:0.##} s at the {known.FlopsPerSecond / 1e9:0.##} GFLOP/s "
            + $"this engine reached training {known.Workload} ({known.StepMs / 1000:0.##} s a step), its fastest in this run");
        return TrainingEstimate.WhyNot(stepMs, basis, task.Profile.WarmupTrainSteps, TrainingEstimate.FewestTimedSteps, task.Profile.TrainingBudget);
    }

    private static double? StepFlops(MeasurementTask task) =>
        task.Analysis is { } analysis && task.Spec is { } spec ? analysis.TrainingFlopsPerExample * spec.Training.BatchSize : null;
}
