using Versus.Core.Engines;

namespace Versus.Reports.Verdict;

/// <summary>
/// What to train or deploy with. <see cref="Family"/> is null unless <see cref="Outcome"/> is chosen; <see cref="Engine"/>
/// names the engines (with backend) whose figures stood for it, where any did. The scores are the weighted sums of
/// the used contributions; <see cref="Sentences"/> are two or three plain sentences naming the deciding figures and
/// what would change the answer.
/// </summary>
public sealed record Recommendation(
    RecommendationScope Scope,
    RecommendationOutcome Outcome,
    FrameworkFamily? Family,
    string? Engine,
    double PyTorchScore,
    double TensorFlowScore,
    IReadOnlyList<PriorityContribution> Contributions,
    Sensitivity? Sensitivity,
    IReadOnlyList<string> Sentences);
