using System.Collections.Concurrent;
using Versus.Core.Results;
using Versus.Reports.Verdict;
using Versus.Store;

namespace Versus.Serve.Runs;

/// <summary>
/// Each finished run's verdict in a few words ("train: PyTorch (torchsharp) · deploy: a tie"), computed once: a finished
/// run never changes, and the verdict takes a bootstrap per comparison.
/// </summary>
internal sealed class VerdictCache(IResultStore store)
{
    private readonly ConcurrentDictionary<string, string> verdicts = new(StringComparer.Ordinal);

    public async Task<string> ForAsync(RunSummary summary, CancellationToken cancellationToken)
    {
        if (summary.Status == RunStatus.Running) return "running";
        if (verdicts.TryGetValue(summary.RunId, out var known)) return known;
        var run = await store.LoadRunAsync(summary.RunId, cancellationToken);
        var text = run is null || run.Measurements.Count == 0 ? "no measurements" : Describe(run);
        verdicts[summary.RunId] = text;
        return text;
    }

    private static string Describe(RunResults run)
    {
        var verdict = VerdictAnalysis.Compute(run, Priorities.Of(run.Options));
        return $"train: {FamilyNames.Answer(verdict.Train)} · deploy: {FamilyNames.Answer(verdict.Deploy)}";
    }
}
