namespace Versus.Reports.Verdict;

/// <summary>Whether the two engines of a comparison were shown to compute the same thing on its workload.</summary>
public enum ParityStatus
{
    Passed,
    Failed,
    NotChecked,
}
