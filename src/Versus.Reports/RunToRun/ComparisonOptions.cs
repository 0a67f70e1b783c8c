namespace Versus.Reports.RunToRun;

/// <param name="Threshold">
/// The relative change that matters, as a fraction: 0.05 calls B slower only beyond 1.05x A (or faster below 1/1.05x).
/// Shared CI machines vary by a few percent between processes, so a threshold below the noise flags no-op changes.
/// </param>
/// <param name="FalseDiscoveryRate">The Benjamini-Hochberg level across the family of compared metrics.</param>
/// <param name="Resamples">Bootstrap resamples for each interval.</param>
public sealed record ComparisonOptions(double Threshold = 0.05, double FalseDiscoveryRate = 0.05, int Resamples = 2000)
{
    public static ComparisonOptions Default { get; } = new();
}
