using Versus.Core.Results;
using Versus.Core.Statistics;

namespace Versus.Reports.Analysis;

/// <summary>
/// Every pair of finished measurements that measured the same speed metric on the same workload and kind, as a ratio of
/// medians with a bootstrap interval. Engines are only ids here: nothing depends on which engines exist.
/// </summary>
public static class EngineComparisons
{
    /// <summary>Speed metrics and whether less is better; accuracy and memory are reported, not ranked.</summary>
    internal static readonly IReadOnlyList<(string Name, bool LowerIsBetter)> Metrics =
    [
        (MetricNames.TrainTotal, true),
        (MetricNames.TrainEpoch, true),
        (MetricNames.TrainStep, true),
        (MetricNames.TrainThroughput, false),
        (MetricNames.TrainTimeToAccuracy, true),
        (MetricNames.ColdStart, true),
        (MetricNames.LatencyBatch1, true),
        (MetricNames.ThroughputBatchLatency, true),
        (MetricNames.Throughput, false),
    ];

    /// <summary>
    /// Outcomes of the whole training run: they depend on how many epochs and images each engine trained, so a pair is
    /// compared on them only at the same extent (<see cref="TrainingExtent"/>). Per-epoch and per-step speeds are not.
    /// </summary>
    internal static readonly IReadOnlySet<string> ExtentBound = new HashSet<string> { MetricNames.TrainTotal, MetricNames.TrainTimeToAccuracy };

    public static IReadOnlyList<EngineComparison> Compute(RunResults results) => Compute(results.Measurements);

    /// <summary>Pairs are formed in the order the measurements are given, so the caller's engine order is kept.</summary>
    public static IReadOnlyList<EngineComparison> Compute(IEnumerable<MeasurementRecord> measurements)
    {
        var comparisons = new List<EngineComparison>();
        var groups = measurements
            .Where(m => m.Status == MeasurementStatus.Ok && m.Kind != MeasurementKind.MachinePeak)
            .GroupBy(m => (m.Workload, m.Kind));
        foreach (var group in groups)
        {
            var members = group.ToList();
            foreach (var (name, lowerIsBetter) in Metrics)
            {
                var measured = members.Where(m => m.Metric(name) is { Samples.Count: > 0 }).ToList();
                for (var i = 0; i < measured.Count; i++)
                {
                    for (var j = i + 1; j < measured.Count; j++)
                    {
                        if (ExtentBound.Contains(name) && !TrainingExtent.Of(measured[i]).SameAs(TrainingExtent.Of(measured[j]))) continue;
                        comparisons.Add(Compare(measured[i], measured[j], name, lowerIsBetter, members));
                    }
                }
            }
        }
        return comparisons;
    }

    private static EngineComparison Compare(MeasurementRecord a, MeasurementRecord b, string name, bool lowerIsBetter, List<MeasurementRecord> group)
    {
        var metricA = a.Metric(name)!;
        var metricB = b.Metric(name)!;
        var medianA = PlainMedian.Of(metricA.Samples);
        var medianB = PlainMedian.Of(metricB.Samples);
        var aFaster = lowerIsBetter ? medianA <= medianB : medianA >= medianB;
        var (faster, slower) = aFaster ? (a, b) : (b, a);
        var (fast, slow) = aFaster ? (metricA, metricB) : (metricB, metricA);
        // Orient the bootstrap so the ratio is >= 1: slower time over faster time, or faster throughput over slower.
        var ratio = lowerIsBetter ? MedianRatio.Bootstrap(slow.Samples, fast.Samples) : MedianRatio.Bootstrap(fast.Samples, slow.Samples);
        return new EngineComparison(a.Workload, a.Kind, name, fast.Unit, lowerIsBetter, Label(faster, group), Label(slower, group),
            PlainMedian.Of(fast.Samples), PlainMedian.Of(slow.Samples), ratio, faster.Engine, slower.Engine,
            ComparedSide.Of(faster), ComparedSide.Of(slower));
    }

    /// <summary>The engine id, with its backend when the same engine ran this workload more than once (e.g. two backends).</summary>
    private static string Label(MeasurementRecord m, List<MeasurementRecord> group) =>
        group.Count(o => o.Engine == m.Engine) > 1 && m.EngineInfo is { } info ? $"{m.Engine} ({info.Backend})" : m.Engine;
}
