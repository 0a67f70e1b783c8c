namespace Versus.Core.Models;

/// <summary>A workload: a framework-neutral network, its input, and how it is trained and served.</summary>
public sealed record ModelSpec(
    string Id,
    string Description,
    ActivationShape Input,
    int Classes,
    IReadOnlyList<LayerSpec> Layers,
    TrainingSpec Training,
    int ThroughputBatchSize,
    string SourceFile);
