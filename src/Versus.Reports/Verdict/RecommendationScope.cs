namespace Versus.Reports.Verdict;

/// <summary>The deck's two questions: what to train (prototype) with, and what to deploy with.</summary>
public enum RecommendationScope
{
    Train,
    Deploy,
}
