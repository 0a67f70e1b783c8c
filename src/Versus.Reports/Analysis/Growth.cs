using Versus.Core.Statistics;

namespace Versus.Reports.Analysis;

/// <summary>How many times the baseline's figure a figure is; <see cref="Ratio"/> is null on the baseline itself.</summary>
internal sealed record Growth(RatioInterval? Ratio)
{
    public static readonly Growth Baseline = new((RatioInterval?)null);

    public bool IsBaseline => Ratio is null;

    /// <summary>False on the baseline and when either side has too few samples for an interval (<see cref="IntervalRule"/>).</summary>
    public bool HasInterval => Ratio?.HasInterval == true;
}
