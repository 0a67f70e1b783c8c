using Versus.Core.Models;

namespace Versus.Core.Deployment;

/// <summary>
/// What a browser capability deploys into the page: the exported model (its ONNX file and trained weights), the first
/// <paramref name="Count"/> test images as NCHW float32 scaled to [0, 1], and how long to time batch-1 runs. Files it
/// writes go under <paramref name="Directory"/>.
/// </summary>
public sealed record BrowserInput(
    ModelSpec Spec,
    ExportedModel Model,
    float[] Images,
    int Count,
    int Threads,
    double WarmupMs,
    double BudgetMs,
    int MaxSamples,
    string Directory);
