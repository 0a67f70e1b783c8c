using Versus.Core.Statistics;

namespace Versus.Core.Measurement;

/// <summary>
/// The note a finished measurement carries when a budget stopped it below the profile's minimum sample count: the
/// figure stands, but a reader must see next to it that it rests on few samples (and, below
/// <see cref="IntervalRule.MinimumSamples"/>, has no interval).
/// </summary>
public static class InsufficientSamples
{
    /// <summary>Null when <paramref name="count"/> reaches <paramref name="minimum"/>; else "insufficient samples: 3 timed steps, ...".</summary>
    public static string? Note(int count, string what, int minimum)
    {
        if (count >= minimum) return null;
        var interval = count < IntervalRule.MinimumSamples ? "no 95% interval" : "the interval is wide";
        return $"insufficient samples: {count} {what}, fewer than the minimum {minimum}; {interval}";
    }
}
