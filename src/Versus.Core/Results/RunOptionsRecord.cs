namespace Versus.Core.Results;

/// <summary>The run's settings as given, enough to plan it again ("versus run --resume").</summary>
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
    bool? Deploy = null,
    string? OutDirectory = null);
