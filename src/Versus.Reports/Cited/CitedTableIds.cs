namespace Versus.Reports.Cited;

/// <summary>The table ids of cited-facts.json, so report sections and the data file cannot drift apart silently.</summary>
public static class CitedTableIds
{
    public const string Adoption = "adoption";
    public const string History = "history";
    public const string TotalTrainingTime = "total-training-time";
    public const string EpochStepTime = "epoch-step-time";
    public const string Inference28 = "inference-28x28";
    public const string Inference64 = "inference-64x64";
    public const string InferenceDepth = "inference-depth";
    public const string FeatureScores = "feature-scores";
    public const string DeploymentStrengths = "deployment-strengths";
    public const string DeckClaims = "deck-claims";

    public static IReadOnlyList<string> All { get; } =
        [Adoption, History, TotalTrainingTime, EpochStepTime, Inference28, Inference64, InferenceDepth, FeatureScores, DeploymentStrengths, DeckClaims];
}
