using Versus.Core.Engines;
using Versus.Core.Measurement;

namespace Versus.Core.Planning;

/// <summary>Validated run options: the rest of the code trusts these without checking again.</summary>
public sealed record RunSettings(
    IReadOnlyList<IEngineProvider> Engines,
    IReadOnlyList<Workload> Workloads,
    MeasurementProfile Profile,
    int Threads,
    uint Seed,
    string? DataPath,
    string OutDirectory,
    IReadOnlyList<string> RequestedWorkloads,
    Results.PrioritiesRecord? Priorities = null,
    ImageLimits? Images = null);
