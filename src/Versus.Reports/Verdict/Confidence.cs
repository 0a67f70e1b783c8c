namespace Versus.Reports.Verdict;

/// <summary>How much a score can be trusted, from how much evidence and of which kind (docs/scoring.md).</summary>
public enum Confidence
{
    Low,
    Medium,
    High,
}
