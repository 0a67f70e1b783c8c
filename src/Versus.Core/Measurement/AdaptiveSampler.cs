using System.Diagnostics;
using Versus.Core.Statistics;

namespace Versus.Core.Measurement;

/// <summary>
/// Takes samples in chunks until the policy says stop. Chunks are sized from the latest per-sample estimate so that one
/// request takes about <see cref="TargetChunk"/>: the per-request overhead never enters a sample (workers time inside)
/// and the stopping rule is checked often enough not to overshoot the budget.
/// </summary>
public static class AdaptiveSampler
{
    public static readonly TimeSpan TargetChunk = TimeSpan.FromMilliseconds(400);

    public static async Task<(List<double> Samples, StopReason Reason)> SampleAsync(
        Func<int, Task<double[]>> take, SamplingPolicy policy, double estimateMs)
    {
        var samples = new List<double>();
        var watch = Stopwatch.StartNew();
        while (true)
        {
            var remaining = policy.MaxSamples - samples.Count;
            var chunk = (int)Math.Clamp(TargetChunk.TotalMilliseconds / Math.Max(estimateMs, 1e-3), 1, Math.Min(remaining, 2000));
            // Topping up to the minimum count only as far as the budget allows: a sample of many seconds (JavaScript
            // kernels at a large batch) would otherwise overrun the budget and the request timeout in one request.
            var fit = (int)Math.Max(1, (policy.Budget - watch.Elapsed).TotalMilliseconds / Math.Max(estimateMs, 1e-3));
            if (samples.Count < policy.MinSamples) chunk = Math.Max(chunk, Math.Min(Math.Min(policy.MinSamples - samples.Count, remaining), fit));
            var taken = await take(chunk);
            samples.AddRange(taken);
            if (taken.Length > 0) estimateMs = taken.Average();
            if (policy.ShouldStop(samples, watch.Elapsed) is { } reason) return (samples, reason);
        }
    }
}
