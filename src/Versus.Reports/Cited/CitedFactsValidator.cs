namespace Versus.Reports.Cited;

/// <summary>Checks what the JSON reader cannot: references between tables and facts, and that no figure lacks its caveat.</summary>
internal static class CitedFactsValidator
{
    public static IReadOnlyList<string> Problems(CitedFacts facts)
    {
        var problems = new List<string>();
        if (facts.Version != CitedFacts.SupportedVersion)
            problems.Add($"version {facts.Version} is not supported (expected {CitedFacts.SupportedVersion})");

        var tableIds = facts.Tables.Select(t => t.Id).ToList();
        problems.AddRange(Duplicates(tableIds).Select(id => $"table id '{id}' appears more than once"));
        // The report sections look tables up by these ids; a missing one would otherwise surface only when rendering.
        problems.AddRange(CitedTableIds.All.Except(tableIds).Select(id => $"table '{id}' is missing"));

        problems.AddRange(Duplicates(facts.Facts.Select(f => f.Id)).Select(id => $"fact id '{id}' appears more than once"));
        foreach (var fact in facts.Facts)
        {
            if (!tableIds.Contains(fact.Table)) problems.Add($"fact '{fact.Id}' names unknown table '{fact.Table}'");
            if (!double.IsFinite(fact.Value)) problems.Add($"fact '{fact.Id}' has a non-finite value");
            if (string.IsNullOrWhiteSpace(fact.Source) || string.IsNullOrWhiteSpace(fact.Attribution))
                problems.Add($"fact '{fact.Id}' needs a source and an attribution");
            if (!fact.Comparable && string.IsNullOrWhiteSpace(fact.Comparability))
                problems.Add($"fact '{fact.Id}' is not comparable but does not say why");
        }
        return problems;
    }

    private static IEnumerable<string> Duplicates(IEnumerable<string> ids) =>
        ids.GroupBy(id => id, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key);
}
