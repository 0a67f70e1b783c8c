using Versus.Core.Results;

namespace Versus.Core.Parity;

/// <summary>
/// Compares every pair of engines that measured the same workload: forward logits from the shared initial weights
/// (tolerance 1e-4 in fp32 while logits stay within +/-100; beyond that it scales with the largest logit, 1e-6 of it,
/// because float32 rounding grows with magnitude: deep residual nets in eval mode at initialisation reach logits in the
/// thousands, where one float step is already 1e-4) and the losses of the first 20 training steps (tolerance 1e-3:
/// different but valid kernel orders make float sums differ, and 20 optimizer steps let that grow a little).
/// A pure function of the records.
/// </summary>
public static class ParityAnalyzer
{
    public const double ForwardTolerance = 1e-4;
    public const double LossTolerance = 1e-3;
    public const int LossSteps = 20;

    public static IReadOnlyList<ParityCheck> Analyze(IEnumerable<MeasurementRecord> measurements)
    {
        var ok = measurements.Where(m => m.Status == MeasurementStatus.Ok).ToList();
        var checks = new List<ParityCheck>();
        foreach (var workload in ok.GroupBy(m => m.Workload))
        {
            var probes = workload.Where(m => m.Probe is not null).GroupBy(m => m.Engine).Select(g => (Engine: g.Key, g.First().Probe!)).ToList();
            foreach (var (a, b) in Pairs(probes))
            {
                if (!a.Item2.Indices.SequenceEqual(b.Item2.Indices) || a.Item2.Logits.Count != b.Item2.Logits.Count) continue;
                var diff = a.Item2.Logits.Zip(b.Item2.Logits, (x, y) => Math.Abs((double)x - y)).Max();
                var tolerance = ForwardToleranceFor(a.Item2.Logits.Concat(b.Item2.Logits).Max(v => Math.Abs((double)v)));
                checks.Add(new ParityCheck(workload.Key, a.Engine, b.Engine, ParityKind.Forward, diff, tolerance, diff <= tolerance,
                    a.Item2.Logits.Count, $"max |logit difference| over test images {string.Join(",", a.Item2.Indices.Take(3))}..{a.Item2.Indices[^1]} from the initial weights"));
            }
            var curves = workload.Where(m => m.Kind == MeasurementKind.Training && m.Curve.Count > 0)
                .GroupBy(m => m.Engine).Select(g => (Engine: g.Key, Losses: g.First().Curve.Take(LossSteps).Select(p => p.Loss).ToList())).ToList();
            foreach (var (a, b) in Pairs(curves))
            {
                var n = Math.Min(a.Losses.Count, b.Losses.Count);
                if (n == 0) continue;
                var diff = a.Losses.Take(n).Zip(b.Losses.Take(n), (x, y) => Math.Abs(x - y)).Max();
                checks.Add(new ParityCheck(workload.Key, a.Engine, b.Engine, ParityKind.TrainingLoss, diff, LossTolerance, diff <= LossTolerance,
                    n, $"max |loss difference| over the first {n} training steps (same weights, batches and order)"));
            }
        }
        return checks;
    }

    /// <summary>1e-4, or 1e-6 of the largest logit when logits exceed 100.</summary>
    public static double ForwardToleranceFor(double largestLogit) => ForwardTolerance * Math.Max(1, largestLogit / 100);

    private static IEnumerable<(T, T)> Pairs<T>(IReadOnlyList<T> items)
    {
        for (var i = 0; i < items.Count; i++)
            for (var j = i + 1; j < items.Count; j++)
                yield return (items[i], items[j]);
    }
}
