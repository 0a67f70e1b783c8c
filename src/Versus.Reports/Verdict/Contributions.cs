using System.Globalization;
using Versus.Core.Engines;
using Versus.Core.Results;

namespace Versus.Reports.Verdict;

/// <summary>
/// Each priority's value for each framework, from the scores (docs/scoring.md, recommendation): speed priorities from
/// the measured rule on their own metric (ONNX runtimes counted for the framework whose model they ran, except for
/// training), deployment priorities from the strengths, usability and community from the feature scores.
/// </summary>
internal sealed class Contributions(
    Priorities priorities,
    IReadOnlyList<MeasuredEvidence> training,
    IReadOnlyList<MeasuredEvidence> deployment,
    IReadOnlyList<DeploymentStrength> strengths,
    IReadOnlyList<FeatureScore> features)
{
    public PriorityContribution For(Priority priority) => priority switch
    {
        Priority.TrainingSpeed => Speed(priority, training, MetricNames.TrainStep),
        Priority.InferenceLatency => Speed(priority, deployment, MetricNames.LatencyBatch1),
        Priority.InferenceThroughput => Speed(priority, deployment, MetricNames.Throughput),
        Priority.ColdStart => Speed(priority, deployment, MetricNames.ColdStart),
        Priority.Usability => FeatureValue(priority, Feature.Usability),
        Priority.Community => FeatureValue(priority, Feature.Community),
        _ => TargetValue(priority),
    };

    /// <summary>The measured comparisons a speed priority rests on, for naming engines in a recommendation.</summary>
    public IReadOnlyList<MeasuredEvidence> Comparisons(Priority priority) => priority switch
    {
        Priority.TrainingSpeed => [.. training.Where(c => c.Metric == MetricNames.TrainStep)],
        Priority.InferenceLatency => [.. deployment.Where(c => c.Metric == MetricNames.LatencyBatch1)],
        Priority.InferenceThroughput => [.. deployment.Where(c => c.Metric == MetricNames.Throughput)],
        Priority.ColdStart => [.. deployment.Where(c => c.Metric == MetricNames.ColdStart)],
        _ => [],
    };

    private PriorityContribution Speed(Priority priority, IReadOnlyList<MeasuredEvidence> all, string metric)
    {
        var comparisons = all.Where(c => c.Metric == metric).ToList();
        return new PriorityContribution(priority, priorities.Weight(priority),
            PerformanceRule.Utility(comparisons, FrameworkFamily.PyTorch),
            PerformanceRule.Utility(comparisons, FrameworkFamily.TensorFlow),
            PerformanceRule.Summary(comparisons, MetricWords.Of(metric)), [.. comparisons.Select(c => c.Id)]);
    }

    private PriorityContribution FeatureValue(Priority priority, Feature feature)
    {
        var pytorch = features.Single(f => f.Family == FrameworkFamily.PyTorch && f.Feature == feature).Score;
        var tensorflow = features.Single(f => f.Family == FrameworkFamily.TensorFlow && f.Feature == feature).Score;
        return Scored(priority, pytorch, tensorflow, feature.ToString().ToLowerInvariant());
    }

    private PriorityContribution TargetValue(Priority priority)
    {
        var target = Enum.GetValues<DeploymentTarget>().Single(t => TargetWords.Priority(t) == priority);
        var pytorch = strengths.Single(s => s.Family == FrameworkFamily.PyTorch && s.Target == target).Score;
        var tensorflow = strengths.Single(s => s.Family == FrameworkFamily.TensorFlow && s.Target == target).Score;
        return Scored(priority, pytorch, tensorflow, TargetWords.Of(target));
    }

    private PriorityContribution Scored(Priority priority, Score pytorch, Score tensorflow, string what)
    {
        static string Text(Score s) =>
            s.Exact is { } e ? string.Create(CultureInfo.InvariantCulture, $"{e:0.#}/{s.Max}") : "unknown";
        return new PriorityContribution(priority, priorities.Weight(priority),
            pytorch.Exact / pytorch.Max, tensorflow.Exact / tensorflow.Max,
            $"{what}: PyTorch {Text(pytorch)}, TensorFlow {Text(tensorflow)}",
            [.. pytorch.EvidenceIds.Concat(tensorflow.EvidenceIds).Distinct()]);
    }
}
