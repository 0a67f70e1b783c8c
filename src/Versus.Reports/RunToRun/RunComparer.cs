using Versus.Core.Results;
using Versus.Core.Statistics;
using Versus.Reports.Analysis;

namespace Versus.Reports.RunToRun;

/// <summary>
/// Compares run B with run A metric by metric: every speed metric both runs measured on the same engine, workload and
/// kind. Statistics only; engines and workloads are ids, nothing depends on which exist.
/// </summary>
public static class RunComparer
{
    public static RunComparison Compare(RunResults a, RunResults b, ComparisonOptions options)
    {
        var pairs = SharedMetrics(a, b).ToList();
        var tests = pairs.Select(p => Testable(p.MetricA, p.MetricB) ? ChangeTest.Run(p.MetricA.Samples, p.MetricB.Samples, options.Threshold) : null).ToList();
        var tested = Enumerable.Range(0, pairs.Count).Where(i => tests[i] is not null).ToList();
        var adjusted = BenjaminiHochberg.Adjust([.. tested.Select(i => tests[i]!.ChangeP)]);
        var adjustedOf = tested.Select((index, k) => (index, q: adjusted[k])).ToDictionary(t => t.index, t => t.q);

        var metrics = pairs.Select((p, i) =>
        {
            var ratio = MedianRatio.Bootstrap(p.MetricB.Samples, p.MetricA.Samples, options.Resamples);
            var q = adjustedOf.TryGetValue(i, out var value) ? value : (double?)null;
            return new MetricChange(p.A.Engine, p.A.Workload, p.A.Kind, p.Name, p.MetricB.Unit, p.LowerIsBetter,
                p.MetricA.Samples.Count, p.MetricB.Samples.Count, PlainMedian.Of(p.MetricA.Samples), PlainMedian.Of(p.MetricB.Samples),
                ratio, ratio.HasInterval, tests[i]?.ChangeP, q, Verdict(tests[i], q, ratio, p.LowerIsBetter, options),
                RunDifferences.OfMeasurements(p.A, p.B, Workload(a, p.A.Workload), Workload(b, p.B.Workload)));
        }).ToList();

        var differences = RunDifferences.OfRuns(a, b).Concat(metrics.SelectMany(m => m.Differences)).Distinct().ToList();
        return new RunComparison(a.RunId, b.RunId, options, RunDifferences.SameMachine(a.Environment, b.Environment), differences,
            metrics, EngineRatios(a, b, options).ToList());
    }

    /// <summary>
    /// A change is called only when both hold: the adjusted p-value is within the false discovery rate, and the ratio of
    /// medians itself lies beyond the threshold (so a "slower" never reads 1.02x against a 5% threshold).
    /// </summary>
    private static ChangeVerdict Verdict(ChangeTestResult? test, double? q, RatioInterval ratio, bool lowerIsBetter, ComparisonOptions options)
    {
        if (test is null || q is not double adjusted || adjusted > options.FalseDiscoveryRate) return ChangeVerdict.NoChange;
        var up = 1 + options.Threshold;
        bool? increased = test.Increased ? (ratio.Ratio > up ? true : null) : (ratio.Ratio < 1 / up ? false : null);
        if (increased is not bool more) return ChangeVerdict.NoChange;
        return more == lowerIsBetter ? ChangeVerdict.Slower : ChangeVerdict.Faster;
    }

    private static bool Testable(MetricRecord a, MetricRecord b) =>
        a.Samples.Count >= ChangeTest.MinimumSamples && b.Samples.Count >= ChangeTest.MinimumSamples;

    private sealed record SharedMetric(MeasurementRecord A, MeasurementRecord B, string Name, bool LowerIsBetter, MetricRecord MetricA, MetricRecord MetricB);

    /// <summary>In run A's measurement order, then the speed metrics' order; a measurement is matched by engine, workload and kind.</summary>
    private static IEnumerable<SharedMetric> SharedMetrics(RunResults a, RunResults b)
    {
        var inB = Measured(b).GroupBy(Key).ToDictionary(g => g.Key, g => g.First());
        foreach (var ma in Measured(a).DistinctBy(Key))
        {
            if (!inB.TryGetValue(Key(ma), out var mb)) continue;
            foreach (var (name, lowerIsBetter) in EngineComparisons.Metrics)
                if (ma.Metric(name) is { Samples.Count: > 0 } metricA && mb.Metric(name) is { Samples.Count: > 0 } metricB)
                    yield return new SharedMetric(ma, mb, name, lowerIsBetter, metricA, metricB);
        }
    }

    /// <summary>For each pair of engines measured in both runs: engine (the later in run A's order) over reference.</summary>
    private static IEnumerable<EngineRatioChange> EngineRatios(RunResults a, RunResults b, ComparisonOptions options)
    {
        var inB = Measured(b).GroupBy(Key).ToDictionary(g => g.Key, g => g.First());
        foreach (var group in Measured(a).DistinctBy(Key).GroupBy(m => (m.Workload, m.Kind)))
        {
            var both = group.Where(m => inB.ContainsKey(Key(m))).ToList();
            foreach (var (name, _) in EngineComparisons.Metrics)
            {
                var measured = both.Where(m => HasSamples(m, name) && HasSamples(inB[Key(m)], name)).ToList();
                for (var i = 0; i < measured.Count; i++)
                    for (var j = i + 1; j < measured.Count; j++)
                    {
                        IReadOnlyList<double>[] samples =
                        [
                            measured[j].Metric(name)!.Samples, measured[i].Metric(name)!.Samples,
                            inB[Key(measured[j])].Metric(name)!.Samples, inB[Key(measured[i])].Metric(name)!.Samples,
                        ];
                        var change = RatioOfRatios.Bootstrap(samples[0], samples[1], samples[2], samples[3], options.Resamples);
                        yield return new EngineRatioChange(group.Key.Workload, group.Key.Kind, name, measured[j].Engine, measured[i].Engine,
                            PlainMedian.Of(samples[0]) / PlainMedian.Of(samples[1]), PlainMedian.Of(samples[2]) / PlainMedian.Of(samples[3]),
                            change, change.HasInterval);
                    }
            }
        }
    }

    private static bool HasSamples(MeasurementRecord m, string name) => m.Metric(name) is { Samples.Count: > 0 };

    private static IEnumerable<MeasurementRecord> Measured(RunResults run) =>
        run.Measurements.Where(m => m.Status == MeasurementStatus.Ok && m.Kind != MeasurementKind.MachinePeak);

    private static (string Engine, string Workload, MeasurementKind Kind) Key(MeasurementRecord m) => (m.Engine, m.Workload, m.Kind);

    private static WorkloadRecord? Workload(RunResults run, string id) => run.Workloads.FirstOrDefault(w => w.Id == id);
}
