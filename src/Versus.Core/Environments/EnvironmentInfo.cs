namespace Versus.Core.Environments;

/// <summary>The machine a run measured: stored with every run so figures are never read without their context.</summary>
public sealed record EnvironmentInfo(
    string MachineName,
    string OperatingSystem,
    string Kernel,
    string Architecture,
    string CpuModel,
    IReadOnlyList<string> CpuFeatures,
    int LogicalCores,
    int? PhysicalCores,
    long MemoryBytes,
    long AvailableMemoryBytes,
    string DotnetVersion,
    string VersusVersion,
    TheoreticalPeak? TheoreticalPeak = null);
