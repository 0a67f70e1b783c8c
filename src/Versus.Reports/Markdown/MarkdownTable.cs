using System.Text;

namespace Versus.Reports.Markdown;

/// <summary>A GitHub-flavoured Markdown table; cells are escaped here so no value can break the table's structure.</summary>
internal sealed class MarkdownTable
{
    private readonly string[] headers;
    private readonly List<string[]> rows = [];

    public MarkdownTable(params string[] headers)
    {
        if (headers.Length == 0) throw new ArgumentException("A table needs at least one column.", nameof(headers));
        this.headers = headers;
    }

    public int RowCount => rows.Count;

    public MarkdownTable Row(params string[] cells)
    {
        if (cells.Length != headers.Length)
            throw new ArgumentException($"The table has {headers.Length} columns; the row has {cells.Length} cells.", nameof(cells));
        rows.Add(cells);
        return this;
    }

    public string Render()
    {
        var text = new StringBuilder();
        Line(text, headers);
        Line(text, [.. headers.Select(_ => "---")]);
        foreach (var row in rows) Line(text, row);
        return text.ToString();
    }

    // A pipe would split the cell and a newline would end the table; an empty cell is shown as a dash so gaps are visible.
    internal static string Escape(string cell) =>
        string.IsNullOrWhiteSpace(cell) ? "—" : cell.Replace("|", "\\|", StringComparison.Ordinal).Replace("\r", " ", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);

    private static void Line(StringBuilder text, IEnumerable<string> cells) =>
        text.Append("| ").Append(string.Join(" | ", cells.Select(Escape))).Append(" |\n");
}
