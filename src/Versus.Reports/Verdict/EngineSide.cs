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
    /// <summary>"tfjs (backend webgl, device llvmpipe)": what a sentence names the side by.</summary>
    public string Label
    {
        get
        {
            var parts = new List<string>();
            if (Backend is not null) parts.Add($"backend {Backend}");
            if (Device is not null) parts.Add($"device {Device}");
            return parts.Count == 0 ? Engine : $"{Engine} ({string.Join(", ", parts)})";
        }
    }
}
