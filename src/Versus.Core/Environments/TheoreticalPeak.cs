namespace Versus.Core.Environments;

/// <summary>
/// The CPU's fp32 peak on paper: cores x clock x vector lanes x 2 (a fused multiply-add is two operations) x FMA
/// units, each part as read from the machine, with <see cref="Basis"/> saying where each came from and what was
/// assumed. <see cref="Gflops"/> is null when a part cannot be read; <see cref="Basis"/> then says which and why.
/// </summary>
/// <param name="FlopsPerCycle">fp32 operations one core can retire per cycle (lanes x 2 x FMA units).</param>
public sealed record TheoreticalPeak(
    double? Gflops,
    int? Cores,
    double? ClockGhz,
    int? VectorBits,
    int? FmaUnits,
    int? FlopsPerCycle,
    string Basis);
