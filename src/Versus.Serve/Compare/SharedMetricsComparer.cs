using Versus.Core.Results;
using Versus.Reports.Analysis;

namespace Versus.Serve.Compare;

/// <summary>
/// The comparison until 'versus compare' lands: the existing engine-to-engine analysis (<see cref="EngineComparisons"/>,
/// ratio of medians with a bootstrap interval) applied across the two runs, by giving each run's measurements a side
/// mark on the engine id and keeping only the pairs of one engine against itself in the other run.
/// </summary>
public sealed class SharedMetricsComparer : IRunComparer
{
    private const string MarkA = "A\u001f";
    private const string MarkB = "B\u001f";

    public RunComparison Compare(RunResults a, RunResults b)
    {
        var marked = a.Measurements.Select(m => m with { Engine = MarkA + m.Engine })
            .Concat(b.Measurements.Select(m => m with { Engine = MarkB + m.Engine }));
        var rows = new List<MetricChange>();
        foreach (var c in EngineComparisons.Compute(marked))
        {
            var fasterIsA = c.FasterEngine.StartsWith(MarkA, StringComparison.Ordinal);
            var engine = c.FasterEngine[MarkA.Length..];
            if (fasterIsA == c.SlowerEngine.StartsWith(MarkA, StringComparison.Ordinal) || engine != c.SlowerEngine[MarkA.Length..]) continue;
            var (medianA, medianB) = fasterIsA ? (c.FasterMedian, c.SlowerMedian) : (c.SlowerMedian, c.FasterMedian);
            string? faster = medianA == medianB ? null : fasterIsA ? "A" : "B";
            rows.Add(new MetricChange(engine, c.Workload, c.Kind, c.Metric, c.Unit, medianA, medianB, faster, c.Ratio.Ratio,
                c.HasInterval ? c.Ratio.Low : null, c.HasInterval ? c.Ratio.High : null, c.IsClear));
        }
        rows.Sort((x, y) => (x.Engine, x.Workload, x.Kind, x.Metric).CompareTo((y.Engine, y.Workload, y.Kind, y.Metric)));
        return new RunComparison(a.RunId, b.RunId, rows,
            "Ratio of medians, oriented so it is at least 1 (how many times faster), with a bootstrap 95% interval where both runs "
            + "have 3 or more samples; a difference is marked clear when the interval excludes 1 (the same analysis as the report's engine comparisons).");
    }
}
