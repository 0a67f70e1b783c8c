using Versus.Core.Measurement;
using Versus.Core.Results;

namespace Versus.Core.Planning;

/// <summary>Every measurement of a run in order (machine peak first), plus what results.json says about the run.</summary>
public sealed record RunPlan(
    string RunId,
    RunOptionsRecord Options,
    IReadOnlyList<EngineRecord> Engines,
    IReadOnlyList<WorkloadRecord> Workloads,
    IReadOnlyList<PlannedMeasurement> Measurements);

/// <summary>A measurement to run, or one already known to be skipped (with the reason).</summary>
public sealed record PlannedMeasurement(MeasurementTask Task, string? SkipReason);
