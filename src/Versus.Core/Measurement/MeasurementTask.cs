using Versus.Core.Data;
using Versus.Core.Engines;
using Versus.Core.Models;
using Versus.Core.Results;

namespace Versus.Core.Measurement;

/// <summary>
/// One planned measurement with everything its worker needs; immutable and trusted once planned. An inference task's
/// <see cref="TrainedState"/> says where the state it probes forward parity on comes from; null where nothing trains here.
/// The parity reference's training task carries the same plan as <see cref="SavesTrainedState"/>: it saves that state
/// after the plan's steps of epoch 0.
/// </summary>
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
    MeasurementProfile Profile,
    TrainedStatePlan? TrainedState = null,
    TrainedStatePlan? SavesTrainedState = null)
{
    public string Workload => Spec?.Id ?? "machine";
}
