using Versus.Core.Engines;
using Versus.Core.Results;
using Versus.Reports.Analysis;
using Versus.Reports.Cited;

namespace Versus.Reports.Verdict;

/// <summary>
/// The one entry point: run results and priorities in, a <see cref="FrameworkVerdict"/> out. Pure: the same results and
/// priorities give the same verdict, and nothing is read but the embedded data files.
/// </summary>
public static class VerdictAnalysis
{
    /// <summary>The edition of docs/scoring.md this code implements; a change to any rule there changes it.</summary>
    public const string RubricVersion = "rubric 1";

    /// <summary>The two frameworks the deck compares; ONNX is a deployment path, credited to the framework it exported.</summary>
    public static IReadOnlyList<FrameworkFamily> Families { get; } = [FrameworkFamily.TensorFlow, FrameworkFamily.PyTorch];

    private static readonly string[] PerformanceMetrics =
        [MetricNames.TrainStep, MetricNames.LatencyBatch1, MetricNames.Throughput];

    private static readonly string[] DeploymentMetrics =
        [MetricNames.LatencyBatch1, MetricNames.Throughput, MetricNames.ColdStart];

    public static FrameworkVerdict Compute(RunResults results, Priorities priorities) =>
        Compute(results, priorities, EvidenceSources.Load(), CitedFacts.Load());

    /// <summary>With other sourced facts (tests, a newer edition); the deck's values come from <paramref name="deck"/>.</summary>
    public static FrameworkVerdict Compute(RunResults results, Priorities priorities, EvidenceSources sources,
        CitedFacts deck) => Compute(results, priorities, EngineComparisons.Compute(results), sources, deck);

    /// <summary>From engine comparisons already computed (a report's, so its bootstrap runs once).</summary>
    public static FrameworkVerdict Compute(RunResults results, Priorities priorities,
        IReadOnlyList<EngineComparison> comparisons, EvidenceSources sources, CitedFacts deck)
    {
        var families = new FamilyResolver(results);
        var performance = MeasuredComparisons.From(results, comparisons, families, creditOnnx: false)
            .Where(m => PerformanceMetrics.Contains(m.Metric)).ToList();
        var deploymentSpeed = MeasuredComparisons.From(results, comparisons, families, creditOnnx: true)
            .Where(m => DeploymentMetrics.Contains(m.Metric)).ToList();
        var exercised = ExercisedProbes.From(results, families);
        var cited = sources.Facts.Where(f => Families.Contains(f.Family)).Select(f => new CitedEvidence(f)).ToList();
        var deckScores = new DeckScores(deck);

        var strengths = (from family in Families
                         from target in Enum.GetValues<DeploymentTarget>()
                         select new DeploymentStrength(family, target,
                             DeploymentRule.Strength(family, target, exercised, cited),
                             deckScores.Strength(family, target))).ToList();
        var features = (from family in Families
                        from feature in Enum.GetValues<Feature>()
                        select new FeatureScore(family, feature, feature switch
                        {
                            Feature.Usability => CitedFeatureRules.Usability(family, cited),
                            Feature.Deployment => DeploymentRule.Feature(family, strengths),
                            Feature.Performance => PerformanceRule.Rate(performance, family, "speed"),
                            _ => CitedFeatureRules.Community(family, cited),
                        }, deckScores.Feature(family, feature))).ToList();

        var contributions = new Contributions(priorities, performance, deploymentSpeed, strengths, features);
        var evidence = new List<Evidence>();
        evidence.AddRange(performance);
        evidence.AddRange(deploymentSpeed.Where(d => performance.All(p => p.Id != d.Id)));
        evidence.AddRange(exercised);
        evidence.AddRange(cited);
        return new FrameworkVerdict(RubricVersion, sources.Version, priorities, evidence, features, strengths,
            Contradictions.Find(strengths, features, exercised, performance),
            Recommender.Decide(RecommendationScope.Train, priorities, contributions),
            Recommender.Decide(RecommendationScope.Deploy, priorities, contributions),
            NativeTensorFlow.Caveat(results, families));
    }
}
