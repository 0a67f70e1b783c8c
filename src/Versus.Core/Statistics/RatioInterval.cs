namespace Versus.Core.Statistics;

/// <summary>
/// "1.8x [1.7-1.9]": the ratio of two medians with a 95% percentile-bootstrap interval, or the ratio alone ("1.8x")
/// when a side has fewer samples than <see cref="IntervalRule.MinimumSamples"/>.
/// </summary>
public sealed record RatioInterval(double Ratio, double? Low, double? High)
{
    public bool HasInterval => Low is not null && High is not null;

    public override string ToString() => HasInterval
        ? FormattableString.Invariant($"{Ratio:0.000}x [{Low:0.000}-{High:0.000}]")
        : FormattableString.Invariant($"{Ratio:0.000}x (no interval)");
}
