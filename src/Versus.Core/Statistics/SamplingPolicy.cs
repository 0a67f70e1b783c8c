namespace Versus.Core.Statistics;

/// <summary>When to stop sampling: interval within <see cref="TargetRelativeHalfWidth"/> of the median, or budget spent.</summary>
public sealed record SamplingPolicy(double TargetRelativeHalfWidth, int MinSamples, int MaxSamples, TimeSpan Budget)
{
    public StopReason? ShouldStop(IReadOnlyList<double> samples, TimeSpan elapsed)
    {
        if (samples.Count >= MaxSamples) return StopReason.MaxSamples;
        if (elapsed >= Budget) return StopReason.BudgetSpent;
        if (samples.Count < Math.Max(MinSamples, IntervalRule.MinimumSamples)) return null;
        return SampleStatistics.Summarize(samples).RelativeHalfWidth <= TargetRelativeHalfWidth ? StopReason.IntervalReached : null;
    }
}
