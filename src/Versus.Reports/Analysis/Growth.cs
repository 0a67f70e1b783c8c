using Versus.Core.Statistics;

namespace Versus.Reports.Analysis;

/// <summary>How many times the baseline's figure a figure is; <see cref="Ratio"/> is null on the baseline itself.</summary>
/// <param name="HasInterval">False when either side has too few samples for the bootstrap bounds to mean anything.</param>
internal sealed record Growth(RatioInterval? Ratio, bool HasInterval)
{
    public static readonly Growth Baseline = new(null, false);

    public bool IsBaseline => Ratio is null;
}
