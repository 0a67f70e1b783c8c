using Versus.Core.Environments;

namespace Versus.Core.Engines;

/// <summary>
/// The device convention of <see cref="EngineInfo.Details"/> (docs/protocol.md): every worker says what its kernels ran
/// on, in words ("device": "CPU: AMD EPYC 7B13", "llvmpipe (LLVM 15.0.6, 256 bits), a software renderer") and as a kind
/// ("deviceKind": cpu, gpu or software-gpu), so no figure is labelled with a backend name alone.
/// </summary>
public static class EngineDevice
{
    public const string DeviceKey = "device";

    public const string KindKey = "deviceKind";

    /// <summary>The wire names of <see cref="DeviceKind"/>, as the workers write them.</summary>
    public static string WireName(DeviceKind kind) => kind switch
    {
        DeviceKind.Cpu => "cpu",
        DeviceKind.Gpu => "gpu",
        DeviceKind.SoftwareGpu => "software-gpu",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>The details entries of an engine that runs on this machine's CPU.</summary>
    public static IEnumerable<KeyValuePair<string, string>> Cpu() =>
    [
        new(DeviceKey, $"CPU: {EnvironmentProbe.CpuModel()}"),
        new(KindKey, WireName(DeviceKind.Cpu)),
    ];

    /// <summary>The reported kind, or null where a worker (an older one, a scripted test double) did not say.</summary>
    public static DeviceKind? KindOf(EngineInfo engine) =>
        engine.Details.TryGetValue(KindKey, out var name) && Enum.GetValues<DeviceKind>().Where(k => WireName(k) == name).ToArray() is [var kind]
            ? kind
            : null;

    /// <summary>The reported device in words, or null.</summary>
    public static string? DescriptionOf(EngineInfo engine) => engine.Details.GetValueOrDefault(DeviceKey);
}
