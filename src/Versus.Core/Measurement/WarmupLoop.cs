using System.Diagnostics;
using Versus.Core.Results;

namespace Versus.Core.Measurement;

/// <summary>
/// Warm-up by time as well as by count, the one warm-up every timed phase uses (inference, training, the matmul peak,
/// the edge probe): caches, the allocator, OpenMP's thread team and the JIT's tiered code all settle over a period,
/// not after a fixed handful of calls (measured: batch-1 latency 30% higher right after 20 calls than after 2,000).
/// The result's last per-iteration time is the sampler's first estimate; the result itself is recorded with the figures.
/// Calls that take a sizeable share of a second each (batch-64 forward passes on a software GPU or JavaScript kernels)
/// are warm long before the count: after two, warm-up stops once it has run <see cref="SlowCallCap"/> times the minimum
/// duration, instead of repeating such a call the full count (20 x 0.66 s = 13 s for depth-8 on WebGL here).
/// </summary>
public static class WarmupLoop
{
    public const int SlowCallCap = 3;

    /// <param name="take">Runs n warm-up calls and returns each one's milliseconds.</param>
    /// <param name="limit">
    /// How long warm-up may go on when a budget covers it (training): no call starts once it has passed, and calls after
    /// the first are batched to end by it, so a slow engine keeps most of its budget for timed work.
    /// </param>
    public static async Task<WarmupRecord> RunAsync(WarmupPhase phase, Func<int, Task<double[]>> take, int minIterations,
        TimeSpan minDuration, TimeSpan? limit = null)
    {
        var watch = Stopwatch.StartNew();
        var done = 0;
        // One call first, to learn its cost: a call of many seconds (JavaScript kernels at a large batch) repeated
        // minIterations times in one request could outlast the request timeout.
        var chunk = 1;
        double last = 1;
        // A call slower than the whole minimum duration is warm after two (the first may be the cold one): repeating it
        // minIterations times would cost minutes (JavaScript kernels at a large batch) and warm nothing more.
        while (!IsWarm(done, last, watch.Elapsed, minIterations, minDuration))
        {
            if (done > 0 && limit is { } cap && watch.Elapsed >= cap) break;
            var ms = await take(chunk);
            done += ms.Length;
            last = ms.Length > 0 ? ms[^1] : last;
            var remaining = minDuration - watch.Elapsed;
            if (limit is { } bound) remaining = TimeSpan.FromTicks(Math.Min(remaining.Ticks, (bound - watch.Elapsed).Ticks));
            chunk = (int)Math.Clamp(Math.Min(remaining.TotalMilliseconds, AdaptiveSampler.TargetChunk.TotalMilliseconds) / Math.Max(last, 1e-3), 1, 5000);
        }
        return new WarmupRecord(phase, done, watch.Elapsed.TotalSeconds, minIterations, minDuration.TotalSeconds, last);
    }

    private static bool IsWarm(int done, double lastMs, TimeSpan elapsed, int minIterations, TimeSpan minDuration) =>
        elapsed >= minDuration
        && (done >= minIterations || (done >= 2 && (lastMs >= minDuration.TotalMilliseconds || elapsed >= minDuration * SlowCallCap)));
}
