namespace Versus.Cli;

public static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>The run finished but at least one measurement failed (results are still written).</summary>
    public const int SomeMeasurementsFailed = 1;

    public const int BadInput = 2;

    /// <summary>"versus compare --fail-on-regression": at least one metric is slower in run B (the comparison is still printed).</summary>
    public const int Regression = 3;

    public const int Cancelled = 130;
}
