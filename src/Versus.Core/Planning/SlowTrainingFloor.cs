using System.Globalization;
using Versus.Core.Measurement;

namespace Versus.Core.Planning;

/// <summary>
/// Per engine, the cheapest training step (analytic FLOPs at the training batch) already estimated not to fit its
/// budget. A later workload whose step does at least that much work is skipped with that estimate as its reason, without
/// starting a worker: on TensorFlow.js each such worker costs a Chromium launch, a model build and a forward pass at
/// batch 64 only to conclude the same (small-cnn-28 skipped, then cnn-64 and depth-16, which do more per step).
/// </summary>
public sealed class SlowTrainingFloor
{
    private readonly Dictionary<string, (double Flops, string Workload, string Reason)> floors = [];

    /// <summary>Notes a training measurement its worker skipped on the estimate (not one skipped before it ran).</summary>
    public void Observe(MeasurementTask task, string reason)
    {
        if (task.Kind != Results.MeasurementKind.Training || StepFlops(task) is not { } flops) return;
        if (floors.TryGetValue(task.Engine.Id, out var known) && known.Flops <= flops) return;
        floors[task.Engine.Id] = (flops, task.Workload, reason);
    }

    /// <summary>The reason to skip this training task without running it, or null.</summary>
    public string? WhyNot(MeasurementTask task)
    {
        if (task.Kind != Results.MeasurementKind.Training || StepFlops(task) is not { } flops) return null;
        if (!floors.TryGetValue(task.Engine.Id, out var floor) || flops < floor.Flops) return null;
        return string.Create(CultureInfo.InvariantCulture,
            $"estimated from {floor.Workload}: a training step here does {flops / 1e9:0.##} GFLOP, at least the "
            + $"{floor.Flops / 1e9:0.##} GFLOP of {floor.Workload}'s, which was skipped on this engine ({floor.Reason})");
    }

    private static double? StepFlops(MeasurementTask task) =>
        task.Analysis is { } analysis && task.Spec is { } spec ? analysis.TrainingFlopsPerExample * spec.Training.BatchSize : null;
}
