namespace Versus.Reports.Analysis;

/// <summary>Whether a comparison between two engines stands on proven parity.</summary>
public enum ParityStatus
{
    Passed,
    Failed,
    NotChecked,
}
