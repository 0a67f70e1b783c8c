namespace Versus.Reports.Verdict;

public enum RecommendationOutcome
{
    Chosen,

    /// <summary>The weighted evidence is exactly level.</summary>
    Tie,

    /// <summary>No priority weighted above 0 has evidence for both frameworks: the honest answer is none.</summary>
    InsufficientEvidence,
}
