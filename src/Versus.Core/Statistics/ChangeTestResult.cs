namespace Versus.Core.Statistics;

/// <summary>
/// One-sided Mann-Whitney p-values for "the second sample is larger than the first by more than the threshold"
/// (<see cref="IncreaseP"/>) and "smaller by more than the threshold" (<see cref="DecreaseP"/>).
/// </summary>
public sealed record ChangeTestResult(double IncreaseP, double DecreaseP)
{
    /// <summary>Either direction, as a two-sided p-value: twice the smaller one-sided value, at most 1.</summary>
    public double ChangeP => Math.Min(1, 2 * Math.Min(IncreaseP, DecreaseP));

    /// <summary>True when the evidence points up (the second sample larger), false when down.</summary>
    public bool Increased => IncreaseP <= DecreaseP;
}
