namespace Versus.Core.Statistics;

/// <summary>"1.8x [1.7-1.9]": the ratio of two medians with a 95% percentile-bootstrap interval.</summary>
public sealed record RatioInterval(double Ratio, double Low, double High)
{
    public override string ToString() => FormattableString.Invariant($"{Ratio:0.000}x [{Low:0.000}-{High:0.000}]");
}
