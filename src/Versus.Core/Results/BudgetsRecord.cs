using Versus.Core.Measurement;

namespace Versus.Core.Results;

/// <summary>
/// Every time budget and warm-up minimum a run measured with, as the profile set them: a measurement that stopped on
/// its budget is only read right next to the budget that stopped it, and the phases have different ones.
/// <see cref="TrainingIntervalSeconds"/> (since 1.5): how far a training may run past its budget to reach the fewest
/// timed steps with an interval.
/// </summary>
public sealed record BudgetsRecord(
    double LatencySeconds,
    double ThroughputSeconds,
    double SteadyStateSeconds,
    double TrainingSeconds,
    double WarmupSeconds,
    int WarmupInferCalls,
    int WarmupTrainSteps,
    IReadOnlyList<int> MatmulSizes,
    double? TrainingIntervalSeconds = null)
{
    public static BudgetsRecord From(MeasurementProfile profile) => new(
        profile.LatencyBudget.TotalSeconds,
        profile.ThroughputBudget.TotalSeconds,
        profile.SteadyStateBudget.TotalSeconds,
        profile.TrainingBudget.TotalSeconds,
        profile.WarmupDuration.TotalSeconds,
        profile.WarmupInferIterations,
        profile.WarmupTrainSteps,
        profile.MachinePeakSizes,
        profile.TrainingIntervalBudget.TotalSeconds);
}
