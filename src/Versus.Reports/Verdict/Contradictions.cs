using System.Globalization;
using Versus.Core.Engines;
using Versus.Core.Results;

namespace Versus.Reports.Verdict;

/// <summary>
/// Finds where this run's own evidence disagrees with the deck: a deployment strength that rests on a probe run here
/// and differs from the deck's by 1 or more, or a performance score from measured ratios that differs by 2 or more.
/// Cited-only scores never contradict the deck: one source against another is not evidence from this machine.
/// </summary>
internal static class Contradictions
{
    public static IReadOnlyList<Contradiction> Find(IReadOnlyList<DeploymentStrength> strengths, IReadOnlyList<FeatureScore> features,
        IReadOnlyList<ExercisedEvidence> exercised, IReadOnlyList<MeasuredEvidence> measured)
    {
        var found = new List<Contradiction>();
        foreach (var s in strengths)
        {
            if (s.DeckValue is not { } deck || s.Score.Value is not { } value || Math.Abs(value - deck) < 1) continue;
            var probe = exercised.Where(e => e.Family == s.Family && e.Target == s.Target && s.Score.EvidenceIds.Contains(e.Id))
                .OrderBy(e => e.Status == DeploymentStatus.Passed ? 0 : e.Status == DeploymentStatus.Failed ? 1 : 2)
                .FirstOrDefault(e => e.Status is DeploymentStatus.Passed or DeploymentStatus.Failed);
            if (probe is null) continue;
            found.Add(new Contradiction(s.Family, s.Target, null, deck, value, 3, Strength(s, probe, deck, value), s.Score.EvidenceIds));
        }
        foreach (var f in features.Where(f => f.Feature == Feature.Performance))
        {
            if (f.DeckValue is not { } deck || f.Score.Value is not { } value || Math.Abs(value - deck) < 2) continue;
            if (!measured.Any(m => f.Score.EvidenceIds.Contains(m.Id))) continue;
            found.Add(new Contradiction(f.Family, null, Feature.Performance, deck, value, 10,
                $"The deck rates {f.Family} {deck}/10 for performance; the ratios measured here give {value}/10. {f.Score.Basis}",
                f.Score.EvidenceIds));
        }
        return found;
    }

    private static string Strength(DeploymentStrength s, ExercisedEvidence probe, int deck, int value)
    {
        var route = probe.ThroughOnnx ? $" through ONNX ({probe.Engine})" : $" ({probe.Engine})";
        var outcome = probe.Status == DeploymentStatus.Passed ? "ran" : "failed";
        var parity = probe.MaxAbsDifference is { } diff && probe.Status == DeploymentStatus.Passed
            ? string.Create(CultureInfo.InvariantCulture, $", logits within {diff:G3} of the training engine's")
            : "";
        var where = s.Target == DeploymentTarget.Browser ? "in the browser (headless Chromium)" : $"on the {TargetWords.Of(s.Target)} probe";
        return $"The deck rates {s.Family} {deck}/3 for {TargetWords.Of(s.Target)}; here a {s.Family}-trained model {outcome} {where}" +
            $"{route}{parity}, so the evidence gives {value}/3.";
    }
}
