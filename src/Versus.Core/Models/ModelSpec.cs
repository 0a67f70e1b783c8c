using Versus.Core.Models.Graphs;

namespace Versus.Core.Models;

/// <summary>
/// A workload: a framework-neutral network, its input, and how it is trained and served. The network is written either
/// as <see cref="Layers"/> (a sequence) or as a <see cref="Graph"/>; engines build <see cref="Graph"/>, which a sequence
/// spec lowers to.
/// </summary>
public sealed record ModelSpec(
    string Id,
    string Description,
    ActivationShape Input,
    int Classes,
    IReadOnlyList<LayerSpec> Layers,
    TrainingSpec Training,
    int ThroughputBatchSize,
    string SourceFile)
{
    /// <summary>The network as a graph: the lowered <see cref="Layers"/>, or the graph a graph spec or ONNX import gives (Layers then empty).</summary>
    public GraphSpec Graph { get; init; } = SequenceLowering.Lower(Layers, Input.Channels);

    /// <summary>True when the spec was written as a graph, not as a layer sequence.</summary>
    public bool IsGraph => Layers.Count == 0;
}
