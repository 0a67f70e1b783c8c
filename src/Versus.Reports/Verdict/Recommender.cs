using System.Globalization;
using Versus.Core.Engines;

namespace Versus.Reports.Verdict;

/// <summary>
/// Rubric 1's recommendation (docs/scoring.md): within a scope, the margin is the sum over priorities weighted above 0
/// and known for both frameworks of weight x (PyTorch's value - TensorFlow's). Positive chooses PyTorch, negative
/// TensorFlow, exactly 0 is a tie, nothing used is insufficient evidence. Sensitivity: for each priority known for both
/// with a difference, the weight at which the margin reaches 0; the nearest to its current weight is reported.
/// </summary>
internal static class Recommender
{
    /// <summary>Training answers "what to prototype with"; everything about serving a trained model is deployment.</summary>
    public static IReadOnlyList<Priority> PrioritiesOf(RecommendationScope scope) => scope == RecommendationScope.Train
        ? [Priority.TrainingSpeed, Priority.Usability, Priority.Community]
        :
        [
            Priority.InferenceLatency, Priority.InferenceThroughput, Priority.ColdStart, Priority.Browser, Priority.Edge,
            Priority.Server, Priority.Interop, Priority.Mobile, Priority.Tpu,
        ];

    private const double TieTolerance = 1e-9;

    public static Recommendation Decide(RecommendationScope scope, Priorities priorities, Contributions contributions)
    {
        var parts = PrioritiesOf(scope).Select(contributions.For).ToList();
        var used = parts.Where(p => p.Used).ToList();
        var pytorch = used.Sum(p => p.Weight * p.PyTorch!.Value);
        var tensorflow = used.Sum(p => p.Weight * p.TensorFlow!.Value);
        var verb = scope == RecommendationScope.Train ? "train" : "deploy";
        if (used.Count == 0)
        {
            var weighted = parts.Where(p => p.Weight > 0).Select(p => p.Priority.Name()).ToList();
            var why = weighted.Count == 0
                ? $"Insufficient evidence to choose what to {verb} with: no priority for this question is weighted above 0 " +
                  $"({string.Join(", ", parts.Select(p => p.Priority.Name()))})."
                : $"Insufficient evidence to choose what to {verb} with: none of the priorities weighted above 0 " +
                  $"({string.Join(", ", weighted)}) has evidence for both frameworks.";
            return new Recommendation(scope, RecommendationOutcome.InsufficientEvidence, null, null, 0, 0, parts, null,
                [why]);
        }
        var margin = used.Sum(p => p.Weight * p.Difference);
        var on = $"with {priorities.Name()}";
        // Sums of the same values in another order can differ in the last bit: that is a tie, not a preference.
        if (Math.Abs(margin) < TieTolerance)
        {
            var tie = string.Create(CultureInfo.InvariantCulture,
                $"No framework to {verb} with stands out: {on}, PyTorch and TensorFlow both score {pytorch:0.##}.");
            return new Recommendation(scope, RecommendationOutcome.Tie, null, null, pytorch, tensorflow, parts, null, [tie]);
        }
        var winner = margin > 0 ? FrameworkFamily.PyTorch : FrameworkFamily.TensorFlow;
        var loser = margin > 0 ? FrameworkFamily.TensorFlow : FrameworkFamily.PyTorch;
        var engine = Engines(winner, used, contributions);
        var (won, lost) = margin > 0 ? (pytorch, tensorflow) : (tensorflow, pytorch);
        var deciding = used.Where(p => p.Weight * p.Difference * margin > 0)
            .OrderByDescending(p => Math.Abs(p.Weight * p.Difference)).ThenBy(p => p.Priority).Take(2).ToList();
        var sensitivity = Sensitivity(parts, margin, loser, contributions);
        var sentences = new List<string>
        {
            string.Create(CultureInfo.InvariantCulture,
                $"{winner} scores {won:0.##} against {lost:0.##} for {loser} {on}."),
            $"Decided by {string.Join("; then ", deciding.Select(Deciding))}{Uncounted(parts)}.",
            sensitivity.Statement,
        };
        return new Recommendation(scope, RecommendationOutcome.Chosen, winner, engine, pytorch, tensorflow, parts, sensitivity,
            sentences);
    }

    private static Sensitivity Sensitivity(IReadOnlyList<PriorityContribution> parts, double margin, FrameworkFamily loser,
        Contributions contributions)
    {
        var weights = WeightSensitivity(parts, margin, loser);
        return FigureSensitivity(parts, margin, loser, contributions) is { } figure
            ? weights with { Statement = $"{weights.Statement[..^1]}; of the figures, {figure}." }
            : weights;
    }

    /// <summary>
    /// The smallest change of one measured speed figure that flips the answer, the others and the weights as they are:
    /// the mean ratio at which that priority's contribution makes the margin 0 (<see cref="PerformanceRule"/>), or null
    /// where no speed figure alone can.
    /// </summary>
    private static string? FigureSensitivity(IReadOnlyList<PriorityContribution> parts, double margin, FrameworkFamily loser,
        Contributions contributions)
    {
        string? best = null;
        var bestDistance = double.PositiveInfinity;
        foreach (var p in parts.Where(p => p.Used))
        {
            if (PerformanceRule.PyTorchLog2Advantage(contributions.Comparisons(p.Priority)) is not { } now) continue;
            if (PerformanceRule.Log2AdvantageFor(PerformanceRule.DifferenceAt(now) - margin / p.Weight) is not { } flip) continue;
            if (Math.Abs(flip - now) >= bestDistance) continue;
            bestDistance = Math.Abs(flip - now);
            var what = MetricWords.Of(contributions.Comparisons(p.Priority)[0].Metric);
            best = $"the answer turns to {loser} past {Lead(flip)} in {what} (now {Lead(now)})";
        }
        return best;
    }

    private static string Lead(double log2PyTorch) => string.Create(CultureInfo.InvariantCulture,
        $"{(log2PyTorch >= 0 ? "PyTorch" : "TensorFlow")} {Math.Pow(2, Math.Abs(log2PyTorch)):0.00}x faster");

    private static Sensitivity WeightSensitivity(IReadOnlyList<PriorityContribution> parts, double margin, FrameworkFamily loser)
    {
        Sensitivity? best = null;
        var bestChange = double.PositiveInfinity;
        foreach (var p in parts.Where(p => p.Known && p.Difference != 0))
        {
            // The margin moves by (change x difference): it reaches 0 at change = -margin / difference.
            var change = -margin / p.Difference;
            var threshold = p.Weight + change;
            if (threshold < 0 || (change < 0 && threshold <= 0) || Math.Abs(change) >= bestChange) continue;
            bestChange = Math.Abs(change);
            var direction = change > 0 ? "Raising" : "Lowering";
            var side = change > 0 ? "above" : "below";
            best = new Sensitivity(p.Priority, p.Weight, threshold, loser, string.Create(CultureInfo.InvariantCulture,
                $"{direction} the {p.Priority.Name()} weight {side} {threshold:0.##} (now {W(p.Weight)}) would choose " +
                $"{loser}; " +
                $"no smaller change of one weight flips the answer."));
        }
        return best ?? new Sensitivity(null, null, null, null,
            $"No change of a single weight flips the answer: {loser} is behind or level on every priority with evidence " +
            "for both.");
    }

    /// <summary>
    /// "; not counted, without evidence for both frameworks: training-speed (weight 1)": a weighted priority that could
    /// not take part, so an answer that rests on cited community figures alone (a ResNet-18 run whose training every
    /// engine skipped) does not read like one that measured training.
    /// </summary>
    private static string Uncounted(IReadOnlyList<PriorityContribution> parts)
    {
        var missing = parts.Where(p => p.Weight > 0 && !p.Known).Select(p => $"{p.Priority.Name()} (weight {W(p.Weight)})").ToList();
        return missing.Count == 0 ? "" : $"; not counted, without evidence for both frameworks: {string.Join(", ", missing)}";
    }

    /// <summary>The engines whose counted comparisons stood for the winner: what to actually install.</summary>
    private static string Deciding(PriorityContribution p) => $"{p.Priority.Name()}, weight {W(p.Weight)} ({p.Figures})";

    private static string? Engines(FrameworkFamily winner, IReadOnlyList<PriorityContribution> used,
        Contributions contributions)
    {
        var labels = used.SelectMany(p => contributions.Comparisons(p.Priority))
            .Where(c => c.PyTorchLog2Advantage is not null)
            .SelectMany(c => new[] { c.Faster, c.Slower })
            .Where(s => s.Family == winner)
            .Select(s => s.ThroughOnnx ? $"{s.Label} through ONNX" : s.Label)
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();
        return labels.Count == 0 ? null : string.Join("; ", labels);
    }

    private static string W(double weight) => weight.ToString("0.###", CultureInfo.InvariantCulture);

}
