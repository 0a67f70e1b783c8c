using System.Text.Json.Serialization;

namespace Versus.Core.Engines;

/// <summary>
/// What ran an engine's kernels, as its worker reports it in <see cref="EngineInfo.Details"/>["deviceKind"]: a figure
/// from a software renderer (a "GPU" backend with no GPU behind it) must never read as a GPU figure.
/// </summary>
public enum DeviceKind
{
    [JsonStringEnumMemberName("cpu")]
    Cpu,

    [JsonStringEnumMemberName("gpu")]
    Gpu,

    /// <summary>A GPU API implemented on the CPU (Mesa's llvmpipe, lavapipe or softpipe; Google's SwiftShader).</summary>
    [JsonStringEnumMemberName("software-gpu")]
    SoftwareGpu,
}
