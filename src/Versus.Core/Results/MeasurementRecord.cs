using Versus.Core.Engines;
using Versus.Core.Statistics;

namespace Versus.Core.Results;

/// <summary>
/// One measurement: one engine, one workload, one kind, run in its own worker process. Carries the engine's version,
/// backend, host and threads so no figure stands without its provenance. Failed and skipped ones keep their reason;
/// a finished one keeps its notes there (too few samples, a budget cut short), and the warm-up each phase had.
/// An inference measurement keeps two forward probes: <see cref="Probe"/> from the initial weights and
/// <see cref="TrainedProbe"/> from the parity reference's trained state.
/// </summary>
public sealed record MeasurementRecord(
    string Id,
    string Engine,
    EngineInfo? EngineInfo,
    string Workload,
    MeasurementKind Kind,
    MeasurementStatus Status,
    string? Reason,
    StopReason? StopReason,
    DateTimeOffset StartedAt,
    DateTimeOffset FinishedAt,
    long? PeakRssBytes,
    string? Dataset,
    IReadOnlyList<MetricRecord> Metrics,
    IReadOnlyList<LossPoint> Curve,
    Parity.ParityProbe? Probe = null,
    IReadOnlyList<WarmupRecord>? Warmup = null,
    Parity.ParityProbe? TrainedProbe = null)
{
    public MetricRecord? Metric(string name) => Metrics.FirstOrDefault(m => m.Name == name);
}
