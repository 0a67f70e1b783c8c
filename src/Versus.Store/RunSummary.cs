namespace Versus.Store;

/// <summary>One line of a run listing: enough to pick a run without loading its measurements.</summary>
public sealed record RunSummary(
    string RunId,
    DateTimeOffset StartedAt,
    DateTimeOffset? FinishedAt,
    string Status,
    string VersusVersion,
    string Machine,
    string Cpu,
    IReadOnlyList<string> Engines,
    IReadOnlyList<string> Workloads,
    MeasurementCounts Measurements);
