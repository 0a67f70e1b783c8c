namespace Versus.Core.Results;

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
    PrioritiesRecord? Priorities = null);
