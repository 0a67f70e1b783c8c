namespace Versus.Core.Statistics;

public enum StopReason
{
    /// <summary>The 95% interval of the median came within the target relative width.</summary>
    IntervalReached,

    /// <summary>The measurement's time budget ran out first: the interval is reported as it is.</summary>
    BudgetSpent,

    /// <summary>The maximum sample count was reached.</summary>
    MaxSamples,

    /// <summary>A fixed amount of work (e.g. the planned training epochs) was the measurement.</summary>
    PlannedWork,
}
