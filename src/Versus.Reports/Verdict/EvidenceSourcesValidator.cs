using System.Text.RegularExpressions;

namespace Versus.Reports.Verdict;

/// <summary>Checks what the JSON reader cannot: that every fact can be traced to its source and read by the rubric.</summary>
internal static partial class EvidenceSourcesValidator
{
    public static IReadOnlyList<string> Problems(EvidenceSources sources)
    {
        var problems = new List<string>();
        if (sources.Version != EvidenceSources.SupportedVersion)
            problems.Add($"version {sources.Version} is not supported (expected {EvidenceSources.SupportedVersion})");
        problems.AddRange(sources.Facts.GroupBy(f => f.Id, StringComparer.Ordinal).Where(g => g.Count() > 1)
            .Select(g => $"fact id '{g.Key}' appears more than once"));
        foreach (var fact in sources.Facts) problems.AddRange(Problems(fact));
        return problems;
    }

    private static IEnumerable<string> Problems(SourcedFact fact)
    {
        var at = $"fact '{fact.Id}'";
        if (string.IsNullOrWhiteSpace(fact.Id)) yield return "a fact has an empty id";
        if (string.IsNullOrWhiteSpace(fact.Claim)) yield return $"{at} has no claim";
        if (string.IsNullOrWhiteSpace(fact.Source)) yield return $"{at} names no source";
        if (!AsOfPattern().IsMatch(fact.AsOf))
            yield return $"{at} has asOf '{fact.AsOf}', expected YYYY, YYYY-MM or YYYY-MM-DD";
        if (fact.Url is null && string.IsNullOrWhiteSpace(fact.Publication))
            yield return $"{at} needs a url or a publication to check it against";
        if (fact.Url is not null
            && !(Uri.TryCreate(fact.Url, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps))
            yield return $"{at} has url '{fact.Url}', expected an absolute https address";
        if (fact.Figure is { } figure && !double.IsFinite(figure)) yield return $"{at} has a non-finite figure";
        if ((fact.Figure is null) != (fact.Unit is null)) yield return $"{at} needs a figure and its unit together";
        // The rubric scores deployment from the support level and community from figures: a fact it cannot read is an error.
        if (fact.IsDeploymentTopic && fact.Support is null)
            yield return $"{at} is about deployment but gives no support level";
        if (!fact.IsDeploymentTopic && fact.Support is not null)
            yield return $"{at} gives a support level but is not about deployment";
    }

    [GeneratedRegex(@"^\d{4}(-\d{2}(-\d{2})?)?$")]
    private static partial Regex AsOfPattern();
}
