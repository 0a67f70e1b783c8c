using Versus.Core.Environments;

namespace Versus.Core.Results;

/// <summary>The results contract (docs/results.schema.json): everything reports, the store and comparisons read.</summary>
public sealed record RunResults(
    string SchemaVersion,
    string RunId,
    DateTimeOffset StartedAt,
    DateTimeOffset? FinishedAt,
    string Status,
    RunOptionsRecord Options,
    EnvironmentInfo Environment,
    IReadOnlyList<EngineRecord> Engines,
    IReadOnlyList<WorkloadRecord> Workloads,
    IReadOnlyList<MeasurementRecord> Measurements,
    string StatisticsMethod,
    IReadOnlyList<Parity.ParityCheck>? Parity = null,
    IReadOnlyList<DeploymentRecord>? Deployment = null)
{
    public const string CurrentSchemaVersion = "1.5";
}
