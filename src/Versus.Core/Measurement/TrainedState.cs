using Versus.Core.Parity;

namespace Versus.Core.Measurement;

/// <summary>
/// A workload's trained state for forward parity: the canonical file at <see cref="Path"/>, or the <see cref="Problem"/>
/// that kept the reference from producing it (then no engine is probed on it, and each inference measurement says why).
/// </summary>
public sealed record TrainedState(ParityWeights Weights, string? Path, string? Problem);
