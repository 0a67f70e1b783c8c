namespace Versus.Cli;

public static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>The run finished but at least one measurement failed (results are still written).</summary>
    public const int SomeMeasurementsFailed = 1;

    public const int BadInput = 2;

    /// <summary>"versus compare --fail-on-regression": at least one metric is slower in run B (the comparison is still printed).</summary>
    public const int Regression = 3;

    /// <summary>
    /// Every result is in results.json but the store did not take some of them (disk full, locked, server gone);
    /// "versus import results.json" stores them.
    /// </summary>
    public const int StoreIncomplete = 4;

    /// <summary>Something outside any one measurement went wrong: the run is closed as "failed" (resumable).</summary>
    public const int Failed = 70;

    public const int Cancelled = 130;
}
