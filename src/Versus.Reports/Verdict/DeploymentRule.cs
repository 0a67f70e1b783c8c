using Versus.Core.Engines;
using Versus.Core.Results;

namespace Versus.Reports.Verdict;

/// <summary>
/// Rubric 1's deployment strength (0-3, docs/scoring.md): start from documented support (2 first-party, 1 for an add-on
/// or another project's tool); a probe that passed here adds 1 and makes it at least 2 (it works here, whatever the
/// docs say); one that failed here (and none passed) takes 1 off, down to 0. No documentation and no probe: unknown.
/// </summary>
internal static class DeploymentRule
{
    public static Score Strength(FrameworkFamily family, DeploymentTarget target, IReadOnlyList<ExercisedEvidence> exercised,
        IReadOnlyList<CitedEvidence> cited)
    {
        var probes = exercised.Where(e => e.Family == family && e.Target == target).ToList();
        var facts = cited.Where(c => c.Fact.Family == family && c.Fact.Topic == TargetWords.Topic(target)).ToList();
        var ids = probes.Select(p => p.Id).Concat(facts.Select(f => f.Id)).ToList();
        var support = facts.Select(f => f.Fact.Support).OfType<SupportLevel>().DefaultIfEmpty().Min();
        int? documented = facts.Count == 0 ? null : support == SupportLevel.FirstParty ? 2 : 1;
        var passed = probes.Any(p => p.Status == DeploymentStatus.Passed);
        var failed = !passed && probes.Any(p => p.Status == DeploymentStatus.Failed);
        var where = TargetWords.Of(target);

        if (!passed && !failed && documented is null)
        {
            var why = probes.Count > 0
                ? $"Unknown: the {where} probe could not run here and no source documents {family} support."
                : $"Unknown: no probe here and no source on {family} for {where}.";
            return Score.Unknown(3, why, ids);
        }
        var docs = documented switch
        {
            2 => "documented first-party support (2)",
            1 => "support documented only through an add-on or another project's tool (1)",
            _ => "no documented support",
        };
        var value = passed ? Math.Min(3, Math.Max((documented ?? 1) + 1, 2))
            : failed ? Math.Max((documented ?? 1) - 1, 0)
            : documented!.Value;
        var probe = passed ? "a probe passed here (+1, at least 2)"
            : failed ? "a probe failed here (-1)"
            : "not exercised here";
        var confidence = (passed || failed) && documented is not null ? Confidence.High
            : passed || failed || documented == 2 ? Confidence.Medium
            : Confidence.Low;
        return Score.Known(value, 3, confidence, ids, $"{family} on {where}: {docs}; {probe}: {value}/3.");
    }

    /// <summary>The deployment feature (0-10): the known strengths' share of their maximum, scaled to 10.</summary>
    public static Score Feature(FrameworkFamily family, IReadOnlyList<DeploymentStrength> strengths)
    {
        var known = strengths.Where(s => s.Family == family && !s.Score.IsUnknown).ToList();
        var ids = known.SelectMany(s => s.Score.EvidenceIds).Distinct().ToList();
        if (known.Count == 0) return Score.Unknown(10, $"Unknown: no deployment target has evidence for {family}.");
        var sum = known.Sum(s => s.Score.Value!.Value);
        var exact = 10.0 * sum / (3 * known.Count);
        // High confidence on a strength means a probe ran and a source documents the target.
        var probedAndDocumented = known.Count(s => s.Score.Confidence == Confidence.High);
        var all = Enum.GetValues<DeploymentTarget>().Length;
        var confidence = known.Count == all && probedAndDocumented >= 3 ? Confidence.High
            : known.Count >= 3 ? Confidence.Medium
            : Confidence.Low;
        return Score.Known(exact, 10, confidence, ids,
            $"{family}: {sum} of {3 * known.Count} points over the {known.Count} deployment target(s) with evidence " +
            $"({all - known.Count} unknown), scaled to 10.");
    }
}
