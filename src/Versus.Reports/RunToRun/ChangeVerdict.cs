namespace Versus.Reports.RunToRun;

/// <summary>What a metric did from run A to run B, in the reader's terms: time down or throughput up is faster.</summary>
public enum ChangeVerdict
{
    /// <summary>Run B is better by more than the threshold, and the change survives the false-discovery control.</summary>
    Faster,

    /// <summary>Run B is worse by more than the threshold, and the change survives the false-discovery control: a regression.</summary>
    Slower,

    /// <summary>No change beyond the threshold was shown; not a proof of equality (see the interval).</summary>
    NoChange,
}
