namespace Versus.Reports.Verdict;

/// <summary>How the rubric used a measured comparison (docs/scoring.md, performance).</summary>
public enum ComparisonUse
{
    /// <summary>The interval excludes 1: the ratio counts as measured.</summary>
    Counted,

    /// <summary>The interval includes 1: counted as a ratio of 1, a tie.</summary>
    Tie,

    /// <summary>Left out: the engines' outputs disagreed, so the two did not compute the same thing.</summary>
    ExcludedParityFailed,

    /// <summary>Left out: a side had too few samples for an interval (IntervalRule.MinimumSamples), so nothing tells the ratio from noise.</summary>
    ExcludedNoInterval,
}
