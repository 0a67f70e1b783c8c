namespace Versus.Serve.Trends;

/// <summary>How a trend point moved from the run before it, as the change test called it; null fields where untested.</summary>
/// <param name="Ratio">This run's median over the previous run's.</param>
/// <param name="AdjustedPValue">Mann-Whitney beyond the threshold, Benjamini-Hochberg across the trend's steps.</param>
/// <param name="Direction">"higher" or "lower" where the change is called, null where it is not (or untested).</param>
public sealed record TrendChange(double Ratio, double? AdjustedPValue, string? Direction)
{
    public bool Changed => Direction is not null;
}
