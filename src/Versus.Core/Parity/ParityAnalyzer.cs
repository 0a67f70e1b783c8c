using Versus.Core.Results;

namespace Versus.Core.Parity;

/// <summary>
/// Compares every pair of engines that measured the same workload: forward logits (<see cref="LogitComparison"/>, each
/// engine of the pair taken as the reference in turn), once from the initial weights and once from the parity
/// reference's trained state where the run made one, and the losses of the first training steps
/// (<see cref="LossComparison"/>). Every pair that measured both sides gets a check; values that cannot be compared fail
/// it with their reason rather than being skipped. A pure function of the records.
/// </summary>
public static class ParityAnalyzer
{
    public static IReadOnlyList<ParityCheck> Analyze(IEnumerable<MeasurementRecord> measurements)
    {
        var ok = measurements.Where(m => m.Status == MeasurementStatus.Ok).ToList();
        var checks = new List<ParityCheck>();
        foreach (var workload in ok.GroupBy(m => m.Workload))
        {
            foreach (var select in new Func<MeasurementRecord, ParityProbe?>[] { m => m.Probe, m => m.TrainedProbe })
            {
                var probes = workload.Where(m => select(m) is not null).GroupBy(m => m.Engine)
                    .Select(g => (Engine: g.Key, Probe: select(g.First())!)).ToList();
                foreach (var (a, b) in Pairs(probes))
                {
                    var outcome = LogitComparison.Mutual(a.Probe, b.Probe, a.Engine, b.Engine);
                    checks.Add(Check(workload.Key, a.Engine, b.Engine, ParityKind.Forward, outcome,
                        $"max |logit difference| over {a.Probe.Indices.Count} test images from {a.Probe.State}" +
                        (a.Probe.State.Regime == ParityRegime.Trained ? " (saved, then loaded by every engine; eval mode)" : "") +
                        ", each image within 1e-4 or 2e-6 of the reference's largest |logit| for it (each engine the reference in turn)")
                        with { Weights = a.Probe.State });
                }
            }
            var curves = workload.Where(m => m.Kind == MeasurementKind.Training && m.Curve.Count > 0)
                .GroupBy(m => m.Engine).Select(g => (Engine: g.Key, Losses: g.First().Curve.Select(p => p.Loss).ToList())).ToList();
            foreach (var (a, b) in Pairs(curves))
            {
                var outcome = LossComparison.Compare(a.Losses, b.Losses, a.Engine, b.Engine);
                checks.Add(Check(workload.Key, a.Engine, b.Engine, ParityKind.TrainingLoss, outcome,
                    $"max |loss difference| over the first {outcome.Values} training steps (same weights, batches and order)"));
            }
        }
        return checks;
    }

    private static ParityCheck Check(string workload, string a, string b, ParityKind kind, ParityOutcome outcome, string method) =>
        new(workload, a, b, kind, outcome.MaxAbsDifference, outcome.Tolerance, outcome.Passed, outcome.Values, method, outcome.Reason);

    private static IEnumerable<(T, T)> Pairs<T>(IReadOnlyList<T> items)
    {
        for (var i = 0; i < items.Count; i++)
            for (var j = i + 1; j < items.Count; j++)
                yield return (items[i], items[j]);
    }
}
