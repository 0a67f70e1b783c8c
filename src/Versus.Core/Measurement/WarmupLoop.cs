using System.Diagnostics;

namespace Versus.Core.Measurement;

/// <summary>
/// Warm-up by time as well as by count: caches, the allocator, OpenMP's thread team and the JIT's tiered code all
/// settle over a period, not after a fixed handful of calls (measured: batch-1 latency 30% higher right after 20 calls
/// than after 2,000). Returns the last per-iteration time as the sampler's first estimate.
/// </summary>
public static class WarmupLoop
{
    public static async Task<double> RunAsync(Func<int, Task<double[]>> take, int minIterations, TimeSpan minDuration)
    {
        var watch = Stopwatch.StartNew();
        var done = 0;
        var chunk = Math.Max(1, minIterations);
        double last = 1;
        while (done < minIterations || watch.Elapsed < minDuration)
        {
            var ms = await take(chunk);
            done += ms.Length;
            last = ms.Length > 0 ? ms[^1] : last;
            var remaining = minDuration - watch.Elapsed;
            chunk = (int)Math.Clamp(Math.Min(remaining.TotalMilliseconds, AdaptiveSampler.TargetChunk.TotalMilliseconds) / Math.Max(last, 1e-3), 1, 5000);
        }
        return last;
    }
}
