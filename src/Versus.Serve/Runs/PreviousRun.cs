using Versus.Core.Results;
using Versus.Store;

namespace Versus.Serve.Runs;

/// <summary>
/// The run to hold a run against when nobody picked one: the newest finished run before it on the same machine with the
/// same engines and workloads, the baseline a platform team means by "did this release move anything?".
/// </summary>
internal static class PreviousRun
{
    /// <summary>
    /// Looks through every stored run's summary, not only the newest page: a run far back in a long history (or one
    /// whose baseline is) still finds it. Summaries hold no measurements, so even thousands are a small read.
    /// </summary>
    public static async Task<RunSummary?> FindAsync(IResultStore store, RunResults run, CancellationToken cancellationToken) =>
        Of(run, await AllAsync(store, cancellationToken));

    /// <summary>Every stored run's summary, newest first.</summary>
    public static Task<IReadOnlyList<RunSummary>> AllAsync(IResultStore store, CancellationToken cancellationToken) =>
        store.ListRunsAsync(int.MaxValue, cancellationToken);

    public static RunSummary? Of(RunResults run, IEnumerable<RunSummary> runs)
    {
        var engines = run.Engines.Select(e => e.Id).Order(StringComparer.Ordinal).ToList();
        var workloads = run.Workloads.Select(w => w.Id).Order(StringComparer.Ordinal).ToList();
        return runs
            .Where(r => r.RunId != run.RunId && r.StartedAt < run.StartedAt && r.Machine == run.Environment.MachineName)
            .Where(r => RunStates.Parse(r.Status) is { } state && state.IsFinished())
            .Where(r => r.Engines.Order(StringComparer.Ordinal).SequenceEqual(engines) && r.Workloads.Order(StringComparer.Ordinal).SequenceEqual(workloads))
            .MaxBy(r => r.StartedAt);
    }
}
