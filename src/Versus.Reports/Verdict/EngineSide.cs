using Versus.Core.Engines;

namespace Versus.Reports.Verdict;

/// <summary>
/// One side of a measured comparison: the engine, the framework it stands for, and what really ran (backend, device).
/// <see cref="FamilyFromEngineName"/> marks a family guessed from the engine id for results written before engines
/// declared one; <see cref="ThroughOnnx"/> marks an ONNX runtime counted for the framework whose model it exported.
/// </summary>
public sealed record EngineSide(
    string Engine,
    FrameworkFamily Family,
    string? Backend,
    string? Device,
    bool FamilyFromEngineName,
    bool ThroughOnnx)
{
    /// <summary>
    /// "tfjs on webgl, llvmpipe (software-gpu)", "torchsharp on cpu": what a sentence names the side by. A CPU device is
    /// left to the report's machine line, which names the processor once.
    /// </summary>
    public string Label =>
        Backend is null ? Engine : Device is null ? $"{Engine} on {Backend}" : $"{Engine} on {Backend}, {Device}";
}
