using System.Globalization;
using Versus.Core.Results;
using Versus.Core.Statistics;

namespace Versus.Core.Measurement;

/// <summary>
/// An engine's own fp32 matrix-product peak, as GFLOP/s (2n^3 / time), at each of the profile's sizes: one metric per
/// size, and <see cref="MetricNames.MatmulGflops"/> holding the samples of the size with the best median. Every engine
/// that can multiply matrices measures its own, so the machine's peak is the best any library reached here, not one
/// library's figure that another can beat.
/// </summary>
public static class MachinePeakDriver
{
    /// <summary>Doubling n multiplies a product's work by 8: a size is skipped when that estimate outruns its budget.</summary>
    private const double GrowthPerDoubling = 8;

    public static async Task<MeasurementOutcome> RunAsync(WorkerSessionClient worker, MeasurementTask task)
    {
        var hello = await worker.HelloAsync();
        var profile = task.Profile;
        var metrics = new List<MetricRecord>();
        var warmups = new List<WarmupRecord>();
        var notes = new List<string>();
        var stop = StopReason.IntervalReached;
        var (bestSize, bestMedian, lastCallMs, lastSize) = (0, double.NegativeInfinity, 0.0, 0);
        List<double>? best = null;
        var timed = new List<int>();
        foreach (var n in profile.MachinePeakSizes.Order())
        {
            var projected = lastSize == 0 ? 0 : lastCallMs * Math.Pow((double)n / lastSize, 3);
            if (projected > profile.LatencyBudget.TotalMilliseconds)
            {
                notes.Add(string.Create(CultureInfo.InvariantCulture,
                    $"{n}x{n} not timed: one product would take about {projected / 1000:0.#} s, more than the {profile.LatencyBudget.TotalSeconds:0} s budget per size"));
                continue;
            }
            var warmup = await WarmupLoop.RunAsync(WarmupPhase.Matmul, k => worker.MatmulAsync(n, k), 2, profile.WarmupDuration);
            warmups.Add(warmup with { Label = $"{n}x{n}" });
            var (ms, sizeStop) = await AdaptiveSampler.SampleAsync(k => worker.MatmulAsync(n, k), profile.Policy(profile.LatencyBudget),
                warmup.LastCallMs);
            if (sizeStop != StopReason.IntervalReached) stop = sizeStop;
            var flops = 2.0 * n * n * n;
            var gflops = ms.Select(t => flops / (t / 1000) / 1e9).ToList();
            timed.Add(n);
            metrics.Add(MetricRecord.From(MetricNames.MatmulGflopsAt(n), "GFLOP/s", gflops, $"{n}x{n} fp32 matrix product"));
            (lastCallMs, lastSize) = (ms.Count > 0 ? PlainMedian.Of(ms) : warmup.LastCallMs, n);
            if (gflops.Count > 0 && PlainMedian.Of(gflops) > bestMedian) (best, bestSize, bestMedian) = (gflops, n, PlainMedian.Of(gflops));
        }
        if (best is not null)
        {
            var sizes = string.Join(", ", timed.Select(n => $"{n}x{n}"));
            metrics.Insert(0, MetricRecord.From(MetricNames.MatmulGflops, "GFLOP/s", best,
                $"best of the sizes timed ({sizes}): {bestSize}x{bestSize} fp32 matrix product"));
        }
        return new MeasurementOutcome(hello.Engine, metrics, [], stop, notes.Count > 0 ? string.Join("; ", notes) : null, Warmup: warmups);
    }
}
