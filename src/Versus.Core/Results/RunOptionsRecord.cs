namespace Versus.Core.Results;

/// <summary>
/// The options a run was given, after defaults. <see cref="MeasurementBudgetSeconds"/> is the latency budget, kept for
/// 1.0/1.1 readers; <see cref="Budgets"/> (1.2) holds every phase's budget and the warm-up minimums.
/// </summary>
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
    BudgetsRecord? Budgets = null);
