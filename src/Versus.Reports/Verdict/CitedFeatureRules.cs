using System.Globalization;
using Versus.Core.Engines;

namespace Versus.Reports.Verdict;

/// <summary>
/// Rubric 1's cited features (docs/scoring.md). Community: for each source that gives both frameworks a share, a
/// framework's share over the larger of the two; the mean over such sources, scaled to 10. One-sided figures are listed
/// but cannot score one framework against the other. Usability: no check in rubric 1 that evidence settles, so unknown.
/// </summary>
internal static class CitedFeatureRules
{
    public static Score Community(FrameworkFamily family, IReadOnlyList<CitedEvidence> cited)
    {
        var facts = cited.Where(c => c.Fact.Topic == CitedTopic.Community && c.Fact.Figure is not null).ToList();
        var ids = facts.Where(f => f.Fact.Family == family).Select(f => f.Id).ToList();
        var sources = facts
            .GroupBy(f => f.Fact.Source, StringComparer.Ordinal)
            .Select(g => (Source: g.Key, Mine: g.FirstOrDefault(f => f.Fact.Family == family),
                Best: g.Where(f => f.Fact.Family is FrameworkFamily.PyTorch or FrameworkFamily.TensorFlow)
                    .Max(f => f.Fact.Figure!.Value),
                Both: g.Any(f => f.Fact.Family == FrameworkFamily.PyTorch)
                    && g.Any(f => f.Fact.Family == FrameworkFamily.TensorFlow)))
            .Where(s => s.Both && s.Mine is not null && s.Best > 0)
            .OrderBy(s => s.Source, StringComparer.Ordinal)
            .ToList();
        if (sources.Count == 0)
            return Score.Unknown(10, "Unknown: no source gives both frameworks a community figure.", ids);
        var exact = 10 * sources.Average(s => s.Mine!.Fact.Figure!.Value / s.Best);
        var parts = string.Join("; ", sources.Select(s => string.Create(CultureInfo.InvariantCulture,
            $"{s.Source}: {s.Mine!.Fact.Figure}{s.Mine.Fact.Unit} against the larger {s.Best}{s.Mine.Fact.Unit}")));
        var oneSided = facts.Count(f => sources.All(s => s.Source != f.Fact.Source));
        var confidence = sources.Count >= 2 ? Confidence.Medium : Confidence.Low;
        return Score.Known(exact, 10, confidence, ids,
            $"{family}: share over the larger share, averaged over {sources.Count} source(s) giving both ({parts}); " +
            $"{oneSided} one-sided figure(s) listed, not scored. Surveys are self-reported: never high confidence.");
    }

    public static Score Usability(FrameworkFamily family, IReadOnlyList<CitedEvidence> cited) =>
        Score.Unknown(10, "Unknown: rubric 1 has no usability check that this run or the sourced facts settle; " +
            "the deck's usability values are its authors' opinion.",
            [.. cited.Where(c => c.Fact.Topic == CitedTopic.Usability && c.Fact.Family == family).Select(c => c.Id)]);
}
