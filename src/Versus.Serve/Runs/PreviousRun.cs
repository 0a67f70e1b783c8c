using Versus.Store;

namespace Versus.Serve.Runs;

/// <summary>
/// The run to hold a run against when nobody picked one: the newest finished run before it on the same machine with the
/// same engines and workloads, the baseline a platform team means by "did this release move anything?".
/// </summary>
internal static class PreviousRun
{
    public static RunSummary? Of(RunSummary run, IEnumerable<RunSummary> runs) => runs
        .Where(r => r.RunId != run.RunId && r.StartedAt < run.StartedAt && r.Machine == run.Machine)
        .Where(r => r.Status is "completed" or "completed-with-failures")
        .Where(r => r.Engines.Order().SequenceEqual(run.Engines.Order()) && r.Workloads.Order().SequenceEqual(run.Workloads.Order()))
        .MaxBy(r => r.StartedAt);
}
