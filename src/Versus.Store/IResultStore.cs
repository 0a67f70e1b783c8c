using Versus.Core.Results;

namespace Versus.Store;

/// <summary>
/// Where runs are kept between invocations. A run is written as it happens (header first, then each measurement the
/// moment it finishes, then the outcome) so a crash never loses finished measurements.
/// </summary>
/// <remarks>
/// The behaviour every implementation shares (SQLite, PostgreSQL), pinned by the contract tests:
/// <list type="bullet">
/// <item>Timestamps come back as the same instants, in UTC (a database timestamp keeps no offset).</item>
/// <item>Measurements come back in the order they were saved; saving one with an Id already in the run replaces it.</item>
/// <item>Deployment records likewise, keyed by target, engine and workload; a run with none loads with no deployment list.</item>
/// <item>Run ids and prefixes are matched case-sensitively; an exact id always wins over a longer id it prefixes.</item>
/// <item>Store failures the user can act on are <see cref="StoreException"/>s with a one-line message.</item>
/// </list>
/// Instances serialise their own calls; separate instances (or processes) may share one store.
/// </remarks>
public interface IResultStore : IAsyncDisposable
{
    /// <summary>Where the results are kept, for messages: a file path, or a server and database without credentials.</summary>
    string Location { get; }

    /// <summary>
    /// Stores the run's header: id, start, options, environment, engines, workloads, statistics method. The run is
    /// recorded as "running" whatever <see cref="RunResults.Status"/> says, until <see cref="FinishRunAsync"/>.
    /// </summary>
    /// <exception cref="ArgumentException">The run already carries measurements: save each with <see cref="SaveMeasurementAsync"/>.</exception>
    /// <exception cref="StoreException">A run with that id is already stored.</exception>
    Task BeginRunAsync(RunResults run, CancellationToken cancellationToken = default);

    /// <summary>Commits one measurement of a begun run in its own transaction, before returning.</summary>
    /// <exception cref="StoreException">The run was never begun in this store.</exception>
    Task SaveMeasurementAsync(string runId, MeasurementRecord measurement, CancellationToken cancellationToken = default);

    /// <summary>
    /// Commits one deployment probe's record of a begun run in its own transaction, before returning; saving one with the
    /// same target, engine and workload again replaces it.
    /// </summary>
    /// <exception cref="StoreException">The run was never begun in this store.</exception>
    Task SaveDeploymentAsync(string runId, DeploymentRecord deployment, CancellationToken cancellationToken = default);

    /// <summary>Records how the run ended ("completed", "failed", "cancelled", ...) and when.</summary>
    /// <exception cref="StoreException">The run was never begun in this store.</exception>
    Task FinishRunAsync(string runId, string status, DateTimeOffset finishedAt, CancellationToken cancellationToken = default);

    /// <summary>The newest runs first (by start, then id), at most <paramref name="limit"/> of them.</summary>
    Task<IReadOnlyList<RunSummary>> ListRunsAsync(int limit, CancellationToken cancellationToken = default);

    /// <summary>
    /// The whole run, measurements included, by its id or a prefix of it that matches only one run; null when nothing
    /// matches. A run still in progress loads with the measurements saved so far.
    /// </summary>
    /// <exception cref="AmbiguousRunIdException">The prefix matches more than one run.</exception>
    Task<RunResults?> LoadRunAsync(string runIdOrPrefix, CancellationToken cancellationToken = default);
}
