using Versus.Core.Statistics;

namespace Versus.Core.Measurement;

/// <summary>
/// How hard to measure: sampling targets and budgets. <see cref="Quick"/> aims at the whole default suite in under three
/// minutes on a 2-core machine with medians within 5%; <see cref="Full"/> at 2% with larger budgets. Quick's 25-s
/// training budget binds only slow engines (TorchSharp trains every default workload's two quick epochs in about 15 s
/// here): TensorFlow.js on a software GPU gets about 5-25 timed steps of the smaller residual nets instead of an unbounded wait.
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
        LatencyBudget: TimeSpan.FromSeconds(3), ThroughputBudget: TimeSpan.FromSeconds(6), SteadyStateBudget: TimeSpan.FromSeconds(5),
        TrainingBudget: TimeSpan.FromSeconds(25), RequestTimeout: TimeSpan.FromSeconds(120),
        WarmupTrainSteps: 2, WarmupInferIterations: 20, WarmupDuration: TimeSpan.FromSeconds(1), ColdStartTrials: 1, TrainCount: 1024, TestCount: 256, Epochs: 2,
        MachinePeakSizes: [256, 512, 1024]);

    public static readonly MeasurementProfile Full = new("full", 0.02, 20, 20_000,
        LatencyBudget: TimeSpan.FromSeconds(20), ThroughputBudget: TimeSpan.FromSeconds(20), SteadyStateBudget: TimeSpan.FromSeconds(20),
        TrainingBudget: TimeSpan.FromMinutes(20), RequestTimeout: TimeSpan.FromSeconds(300),
        WarmupTrainSteps: 5, WarmupInferIterations: 50, WarmupDuration: TimeSpan.FromSeconds(3), ColdStartTrials: 3, TrainCount: 8192, TestCount: 2048, Epochs: null,
        MachinePeakSizes: [256, 512, 1024, 2048]);

    public SamplingPolicy Policy(TimeSpan budget) => new(TargetRelativeHalfWidth, MinSamples, MaxSamples, budget);
}
