using Versus.Reports.Cited;
using Versus.Reports.Formatting;
using Versus.Reports.Model;

namespace Versus.Reports.Sections;

/// <summary>How the deck's figures sit beside measurements: their own rows, labelled by source, with the caveat under the table.</summary>
internal static class CitedRows
{
    /// <summary>The deck's frameworks in the order the facts list them, each with its facts.</summary>
    public static IEnumerable<IGrouping<string, CitedFact>> ByFramework(IReadOnlyList<CitedFact> facts) =>
        facts.GroupBy(f => f.Framework, StringComparer.Ordinal);

    /// <summary>The source label shared by a framework's facts in one table ("cited (Novac et al., Sensors 2022)").</summary>
    public static string SourceLabel(IEnumerable<CitedFact> facts) =>
        Labels.Cited(string.Join("; ", facts.Select(f => f.Source).Distinct(StringComparer.Ordinal)));

    /// <summary>The cited value placed under the column of the Versus metric nearest in meaning, or a dash.</summary>
    public static string Cell(IEnumerable<CitedFact> facts, string metric) =>
        facts.FirstOrDefault(f => f.Metric == metric)?.ValueText ?? SummaryText.Missing;

    /// <summary>Why the cited rows above may not be compared with the measured ones, straight from the facts file.</summary>
    public static void Note(ReportBuilder report, IReadOnlyList<CitedFact> facts)
    {
        if (facts.Count == 0) return;
        var lines = new List<Text>();
        var notComparable = facts.Where(f => !f.Comparable).ToList();
        if (notComparable.Count > 0)
        {
            lines.Add(Text.Strong("The cited rows are not comparable with the measured ones.") + " " +
                string.Join(" ", notComparable.Select(f => f.Comparability).Distinct(StringComparer.Ordinal)));
        }
        lines.AddRange(facts.Where(f => f.Comparable).Select(f => (Text)$"{f.Id} is comparable: {f.Comparability ?? "setup matches"}."));
        // Setup matters only for performance figures; for a survey share or a score it would be noise.
        if (facts.Any(f => f.Metric is not null))
            lines.Add("Setup: " + string.Join(" / ", facts.Select(f => f.Setup.Describe()).Distinct(StringComparer.Ordinal)) + ".");
        // The facts file words each attribution "attribution in the deck: ..."; say that once for the whole table.
        const string prefix = "attribution in the deck: ";
        var attributions = facts.Select(f => f.Attribution.StartsWith(prefix, StringComparison.Ordinal) ? f.Attribution[prefix.Length..] : f.Attribution);
        lines.Add("Attribution in the deck: " + string.Join("; ", attributions.Distinct(StringComparer.Ordinal)) + ".");
        report.Note(Text.Join("\n\n", lines));
    }
}
