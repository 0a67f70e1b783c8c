using Versus.Core.Measurement;
using Versus.Core.Results;

namespace Versus.Core.Planning;

/// <summary>
/// Every measurement of a run in order (machine peak first), plus what results.json says about the run, and one line per
/// selected engine that runs on a slower path than it could here, or not at all (what is missing, and the fix).
/// </summary>
public sealed record RunPlan(
    string RunId,
    RunOptionsRecord Options,
    IReadOnlyList<EngineRecord> Engines,
    IReadOnlyList<WorkloadRecord> Workloads,
    IReadOnlyList<PlannedMeasurement> Measurements,
    IReadOnlyList<string> Shortfalls);

/// <summary>A measurement to run, or one already known to be skipped (with the reason).</summary>
public sealed record PlannedMeasurement(MeasurementTask Task, string? SkipReason);
