using Versus.Core.Data;
using Versus.Core.Engines;
using Versus.Core.Models;
using Versus.Core.Results;

namespace Versus.Core.Measurement;

/// <summary>One planned measurement with everything its worker needs; immutable and trusted once planned.</summary>
public sealed record MeasurementTask(
    string Id,
    IEngineProvider Engine,
    WorkerLaunch Launch,
    MeasurementKind Kind,
    ModelSpec? Spec,
    ModelAnalysis? Analysis,
    string? WeightsPath,
    DataSource? Data,
    int Threads,
    uint Seed,
    MeasurementProfile Profile)
{
    public string Workload => Spec?.Id ?? "machine";
}
