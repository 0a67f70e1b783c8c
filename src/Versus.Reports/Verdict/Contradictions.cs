using System.Globalization;
using Versus.Core.Engines;
using Versus.Core.Results;

namespace Versus.Reports.Verdict;

/// <summary>
/// Finds where this run's own evidence disagrees with the deck: a deployment strength that rests on a probe run here
/// and differs from the deck's by 1 or more, or a gap between the two performance scores from measured ratios that
/// differs from the deck's gap by 2 or more.
/// Cited-only scores never contradict the deck: one source against another is not evidence from this machine.
/// </summary>
internal static class Contradictions
{
    public static IReadOnlyList<Contradiction> Find(IReadOnlyList<DeploymentStrength> strengths,
        IReadOnlyList<FeatureScore> features, IReadOnlyList<ExercisedEvidence> exercised,
        IReadOnlyList<MeasuredEvidence> measured)
    {
        var found = new List<Contradiction>();
        foreach (var s in strengths)
        {
            if (s.DeckValue is not { } deck || s.Score.Value is not { } value || Math.Abs(value - deck) < 1) continue;
            var probe = exercised
                .Where(e => e.Family == s.Family && e.Target == s.Target && s.Score.EvidenceIds.Contains(e.Id))
                .OrderBy(e => e.Status == DeploymentStatus.Passed ? 0 : e.Status == DeploymentStatus.Failed ? 1 : 2)
                .FirstOrDefault(e => e.Status is DeploymentStatus.Passed or DeploymentStatus.Failed);
            if (probe is null) continue;
            found.Add(new Contradiction(s.Family, s.Target, null, deck, value, 3, Strength(s, probe, deck, value),
                s.Score.EvidenceIds));
        }
        if (Performance(features, measured) is { } performance) found.Add(performance);
        return found;
    }

    /// <summary>
    /// The rubric scores speed relative to the faster family (which always gets 10), so it is the gap between the two that
    /// can contradict the deck: one item, for the family the evidence puts behind (or the deck does, if level here).
    /// </summary>
    private static Contradiction? Performance(IReadOnlyList<FeatureScore> features, IReadOnlyList<MeasuredEvidence> measured)
    {
        var scores = features.Where(f => f.Feature == Feature.Performance).ToList();
        if (scores.Count != 2 || scores.Any(f => f.DeckValue is null || f.Score.Value is null)) return null;
        if (!measured.Any(m => scores[0].Score.EvidenceIds.Contains(m.Id))) return null;
        var (a, b) = (scores[0], scores[1]);
        var deckGap = a.DeckValue!.Value - b.DeckValue!.Value;
        var evidenceGap = a.Score.Value!.Value - b.Score.Value!.Value;
        if (Math.Abs(evidenceGap - deckGap) < 2) return null;
        var behind = evidenceGap != 0 ? (evidenceGap < 0 ? a : b) : (deckGap < 0 ? a : b);
        var statement = $"The deck rates {a.Family} {a.DeckValue}/10 and {b.Family} {b.DeckValue}/10 for performance, " +
            $"{Math.Abs(deckGap)} point(s) apart; the ratios measured here give {a.Family} {a.Score.Value}/10 and " +
            $"{b.Family} {b.Score.Value}/10, {Math.Abs(evidenceGap)} point(s) apart. {behind.Score.Basis}";
        return new Contradiction(behind.Family, null, Feature.Performance, behind.DeckValue!.Value, behind.Score.Value!.Value,
            10, statement, behind.Score.EvidenceIds);
    }

    private static string Strength(DeploymentStrength s, ExercisedEvidence probe, int deck, int value)
    {
        var route = probe.ThroughOnnx ? $" through ONNX ({probe.Engine})" : $" ({probe.Engine})";
        var outcome = probe.Status == DeploymentStatus.Passed ? "ran" : "failed";
        var parity = probe.MaxAbsDifference is { } diff && probe.Status == DeploymentStatus.Passed
            ? string.Create(CultureInfo.InvariantCulture, $", logits within {diff:G3} of the training engine's")
            : "";
        var where = s.Target == DeploymentTarget.Browser
            ? "in the browser (headless Chromium)"
            : $"on the {TargetWords.Probe(s.Target)}";
        return $"The deck rates {s.Family} {deck}/3 for {TargetWords.Of(s.Target)}; here a {s.Family}-trained model " +
            $"{outcome} {where}{route}{parity}, so the evidence gives {value}/3.";
    }
}
