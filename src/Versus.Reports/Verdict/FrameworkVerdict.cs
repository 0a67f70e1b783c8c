namespace Versus.Reports.Verdict;

/// <summary>
/// The deck's conclusion rebuilt from evidence (docs/scoring.md): every evidence item, the feature scores (0-10) and
/// deployment strengths (0-3) per framework with the deck's values beside them, where this run contradicts the deck,
/// what to train and deploy with, and what the run says about native TensorFlow. Format-neutral: renderers show it.
/// </summary>
public sealed record FrameworkVerdict(
    string RubricVersion,
    int EvidenceSourcesVersion,
    Priorities Priorities,
    IReadOnlyList<Evidence> Evidence,
    IReadOnlyList<FeatureScore> FeatureScores,
    IReadOnlyList<DeploymentStrength> DeploymentStrengths,
    IReadOnlyList<Contradiction> Contradictions,
    Recommendation Train,
    Recommendation Deploy,
    NativeTensorFlowCaveat NativeTensorFlow);
