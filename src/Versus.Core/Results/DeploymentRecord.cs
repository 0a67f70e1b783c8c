namespace Versus.Core.Results;

/// <summary>
/// One deployment probe: one target, engine and workload. <see cref="Evidence"/> is one sentence a reader can trust on
/// its own (the figures, pass or fail, or why it cannot run here); <see cref="Metrics"/> hold the samples behind it.
/// Cited rows are the deck's scores, never measured: they carry <see cref="Source"/> and no metrics.
/// <see cref="Family"/> is the framework whose deployment path the record exercised (null where it names none);
/// <see cref="Warmup"/> the warm-up a timed probe had before its samples.
/// </summary>
public sealed record DeploymentRecord(
    DeploymentTarget Target,
    string Engine,
    string Workload,
    DeploymentStatus Status,
    string Evidence,
    IReadOnlyList<MetricRecord> Metrics,
    string? Source = null,
    Engines.FrameworkFamily? Family = null,
    IReadOnlyList<WarmupRecord>? Warmup = null)
{
    /// <summary>The workload of a record that is about no workload (cited scores, probes that never ran one).</summary>
    public const string AnyWorkload = "any";

    public MetricRecord? Metric(string name) => Metrics.FirstOrDefault(m => m.Name == name);
}
