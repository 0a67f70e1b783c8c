using Versus.Core.Statistics;

namespace Versus.Core.Measurement;

/// <summary>
/// How hard to measure: sampling targets and budgets. <see cref="Quick"/> aims at the whole default quick suite, three
/// engines and the deployment probes, in about five minutes on a 2-core machine with medians within 5% (5.5 measured
/// here, of which TensorFlow.js training on a software GPU takes two: the deck's model alone 42 s for an interval); <see cref="Full"/>
/// at 2% with larger budgets. Quick's 20-s training budget binds only slow engines (TorchSharp trains every quick
/// workload's two epochs in a few seconds here): TensorFlow.js on a software GPU gets 10-20 timed steps of depth-2
/// and an estimate, with its reason, for the workloads whose minimum steps would not fit. A training whose budget would
/// stop it short of <see cref="IntervalRule.MinimumSamples"/> timed steps (the fewest with an interval) runs on to them where they end
/// within <see cref="TrainingIntervalBudget"/>: in a quick run, TensorFlow.js on a software GPU then measures the deck's
/// small-cnn-28 (about 3 s a step) with an interval, and the verdict can rest on the deck's model.
/// The matmul peak is timed at every size of <see cref="MachinePeakSizes"/> (each with the latency budget): which size
/// a library runs fastest differs by library and cache size, and the peak is the best of them.
/// </summary>
public sealed record MeasurementProfile(
    string Name,
    double TargetRelativeHalfWidth,
    int MinSamples,
    int MaxSamples,
    TimeSpan LatencyBudget,
    TimeSpan ThroughputBudget,
    TimeSpan SteadyStateBudget,
    TimeSpan TrainingBudget,
    TimeSpan TrainingIntervalBudget,
    TimeSpan RequestTimeout,
    int WarmupTrainSteps,
    int WarmupInferIterations,
    TimeSpan WarmupDuration,
    int ColdStartTrials,
    int TrainCount,
    int TestCount,
    int? Epochs,
    IReadOnlyList<int> MachinePeakSizes)
{
    public static readonly MeasurementProfile Quick = new("quick", 0.05, 10, 5000,
        LatencyBudget: TimeSpan.FromSeconds(2), ThroughputBudget: TimeSpan.FromSeconds(3), SteadyStateBudget: TimeSpan.FromSeconds(3),
        TrainingBudget: TimeSpan.FromSeconds(20), TrainingIntervalBudget: TimeSpan.FromSeconds(40), RequestTimeout: TimeSpan.FromSeconds(120),
        WarmupTrainSteps: 2, WarmupInferIterations: 20, WarmupDuration: TimeSpan.FromSeconds(1), ColdStartTrials: 1, TrainCount: 1024, TestCount: 256, Epochs: 2,
        MachinePeakSizes: [256, 1024]);

    public static readonly MeasurementProfile Full = new("full", 0.02, 20, 20_000,
        LatencyBudget: TimeSpan.FromSeconds(20), ThroughputBudget: TimeSpan.FromSeconds(20), SteadyStateBudget: TimeSpan.FromSeconds(20),
        TrainingBudget: TimeSpan.FromMinutes(20), TrainingIntervalBudget: TimeSpan.FromMinutes(20), RequestTimeout: TimeSpan.FromSeconds(300),
        WarmupTrainSteps: 5, WarmupInferIterations: 50, WarmupDuration: TimeSpan.FromSeconds(3), ColdStartTrials: 3, TrainCount: 8192, TestCount: 2048, Epochs: null,
        MachinePeakSizes: [256, 512, 1024, 2048]);

    public SamplingPolicy Policy(TimeSpan budget) => new(TargetRelativeHalfWidth, MinSamples, MaxSamples, budget);
}
