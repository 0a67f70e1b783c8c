using System.Text;

namespace Versus.Reports.Markdown;

/// <summary>Appends Markdown blocks with one blank line between them and "\n" line ends on every platform.</summary>
internal sealed class MarkdownWriter
{
    private readonly StringBuilder text = new();

    public void Heading(int level, string title) => Block($"{new string('#', level)} {title}\n");

    public void Paragraph(string paragraph) => Block(paragraph.TrimEnd() + "\n");

    public void Bullets(IEnumerable<string> items)
    {
        var lines = items.Select(i => $"- {i}\n").ToList();
        if (lines.Count > 0) Block(string.Concat(lines));
    }

    /// <summary>A blockquote: the report's caveats (why cited figures are not comparable) sit right under their table.</summary>
    public void Note(string note) => Block(string.Concat(note.TrimEnd().Split('\n').Select(l => $"> {l}\n")));

    public void Table(MarkdownTable table) => Block(table.Render());

    public override string ToString() => text.ToString();

    private void Block(string block)
    {
        if (text.Length > 0) text.Append('\n');
        text.Append(block);
    }
}
