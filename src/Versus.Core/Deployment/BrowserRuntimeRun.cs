namespace Versus.Core.Deployment;

/// <summary>
/// One runtime's outcome in the page: its logits for the compared images (one batch) and its timed batch-1 runs, or why
/// it failed. <see cref="Artifact"/> names what the page loaded ("the ONNX file"), <see cref="ArtifactBytes"/> its size
/// and <see cref="ArtifactNote"/> what that size counts.
/// </summary>
public sealed record BrowserRuntimeRun(
    BrowserRuntime Runtime,
    bool Ok,
    string? Error,
    string? RuntimeName,
    string? Backend,
    string? Renderer,
    int? Threads,
    double LoadMs,
    float[]? Logits,
    double[]? Samples,
    string Artifact,
    long ArtifactBytes,
    string ArtifactNote);
