using Versus.Core.Engines;
using Versus.Core.Results;
using Versus.Core.Statistics;

namespace Versus.Core.Measurement;

/// <summary>What a driver produced before the runner stamps it into a <see cref="MeasurementRecord"/>.</summary>
public sealed record MeasurementOutcome(
    EngineInfo Engine,
    IReadOnlyList<MetricRecord> Metrics,
    IReadOnlyList<LossPoint> Curve,
    StopReason StopReason,
    string? Note = null,
    Parity.ParityProbe? Probe = null,
    IReadOnlyList<WarmupRecord>? Warmup = null,
    Parity.ParityProbe? TrainedProbe = null);
