namespace Versus.Cli;

public static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>The run finished but at least one measurement failed (results are still written).</summary>
    public const int SomeMeasurementsFailed = 1;

    public const int BadInput = 2;

    public const int Cancelled = 130;
}
