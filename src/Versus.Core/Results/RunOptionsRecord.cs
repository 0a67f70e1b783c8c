namespace Versus.Core.Results;

/// <summary>
/// The options a run was given, after defaults. <see cref="MeasurementBudgetSeconds"/> is the latency budget, kept for
/// 1.0/1.1 readers; <see cref="Budgets"/> (1.2) holds every phase's budget and the warm-up minimums.
/// </summary>
/// <param name="TrainImages">The --train-images limit as given (since 1.3); null: all of a real dataset, the profile's count of generated data.</param>
/// <param name="TestImages">The --test-images limit as given (since 1.3).</param>
/// <param name="Deploy">Whether the deployment probes follow the measurements; null in results written before it was recorded.</param>
/// <param name="OutDirectory">The run's folder (results.json, reports); null in results written before it was recorded.</param>
public sealed record RunOptionsRecord(
    IReadOnlyList<string> Engines,
    IReadOnlyList<string> Workloads,
    bool Quick,
    int? Epochs,
    int Threads,
    string Data,
    uint Seed,
    double TargetRelativeHalfWidth,
    double MeasurementBudgetSeconds,
    PrioritiesRecord? Priorities = null,
    BudgetsRecord? Budgets = null,
    int? TrainImages = null,
    int? TestImages = null,
    bool? Deploy = null,
    string? OutDirectory = null);
