using System.Text.RegularExpressions;

namespace Versus.Reports.Tests;

/// <summary>A Markdown table read back from a rendered report, so tests assert on cells rather than on loose substrings.</summary>
internal sealed partial record RenderedTable(IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Rows)
{
    /// <summary>The section under the first heading starting with <paramref name="heading"/>, up to the next heading of any level.</summary>
    public static string Section(string report, string heading)
    {
        var lines = report.Split('\n');
        var start = Array.FindIndex(lines, l => l.StartsWith('#') && l.TrimStart('#').TrimStart().StartsWith(heading, StringComparison.Ordinal));
        if (start < 0) throw new InvalidOperationException($"No heading starting with '{heading}' in the report.");
        var end = Array.FindIndex(lines, start + 1, l => l.StartsWith('#'));
        return string.Join('\n', lines[(start + 1)..(end < 0 ? lines.Length : end)]);
    }

    /// <summary>The first table in that section, or null when the section has none.</summary>
    public static RenderedTable? Under(string report, string heading)
    {
        var tableLines = Section(report, heading).Split('\n').SkipWhile(l => !l.StartsWith('|')).TakeWhile(l => l.StartsWith('|')).ToList();
        if (tableLines.Count < 2) return null;
        return new RenderedTable(Cells(tableLines[0]), [.. tableLines.Skip(2).Select(Cells)]);
    }

    public string Cell(IReadOnlyList<string> row, string header)
    {
        var index = Headers.ToList().FindIndex(h => h.StartsWith(header, StringComparison.Ordinal));
        if (index < 0) throw new InvalidOperationException($"No column starting with '{header}' in: {string.Join(", ", Headers)}");
        return row[index];
    }

    public IReadOnlyList<string> Row(Func<IReadOnlyList<string>, bool> match) =>
        Rows.SingleOrDefault(match) ?? throw new InvalidOperationException("No single matching row in:\n" + string.Join('\n', Rows.Select(r => string.Join(" | ", r))));

    private static List<string> Cells(string line) =>
        [.. UnescapedPipe().Split(line.Trim()[1..^1]).Select(c => c.Trim().Replace("\\|", "|", StringComparison.Ordinal))];

    [GeneratedRegex(@"(?<!\\)\|")]
    private static partial Regex UnescapedPipe();
}
