namespace Versus.Reports.Model;

/// <summary>The chart shapes the deck's slides need; each renderer draws them with its charting library.</summary>
public enum ChartKind
{
    /// <summary>One bar per category and series, with the 95% interval as an error bar where there is one.</summary>
    Bars,

    /// <summary>Bars split into parts that add up (cold start: process start + load + build + first prediction).</summary>
    StackedBars,

    /// <summary>A box per category and series from its raw samples (median, quartiles, whiskers).</summary>
    Box,

    /// <summary>Lines over a numeric x (depth N, epoch), with an interval band where points carry one.</summary>
    Lines,

    /// <summary>One row per comparison: the ratio as a point and its interval as a line, around a reference of 1.</summary>
    Forest,

    /// <summary>Scores on a fixed scale (0-3, 0-10) per category and series; a missing point is "unknown".</summary>
    Scores,
}
