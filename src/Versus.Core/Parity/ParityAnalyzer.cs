using Versus.Core.Results;

namespace Versus.Core.Parity;

/// <summary>
/// Compares every pair of engines that measured the same workload: forward logits from the shared initial weights
/// (tolerance 1e-4, fp32) and the losses of the first 20 training steps (tolerance 1e-3: different but valid kernel
/// orders make float sums differ, and 20 optimizer steps let that grow a little). Pure function of the records.
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
                checks.Add(new ParityCheck(workload.Key, a.Engine, b.Engine, ParityKind.Forward, diff, ForwardTolerance, diff <= ForwardTolerance,
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

    private static IEnumerable<(T, T)> Pairs<T>(IReadOnlyList<T> items)
    {
        for (var i = 0; i < items.Count; i++)
            for (var j = i + 1; j < items.Count; j++)
                yield return (items[i], items[j]);
    }
}
