using Versus.Core.Results;
using Versus.Reports.Model;
using Versus.Reports.Rendering;

namespace Versus.Reports.Markdown;

/// <summary>report.md: GitHub-flavoured Markdown. A chart becomes its data table under its title (Markdown has no pictures).</summary>
public sealed class MarkdownRenderer : IReportRenderer
{
    public ReportFormat Format => ReportFormat.Markdown;

    public string FileName => "report.md";

    public string Render(ReportDocument report, RunResults results)
    {
        var writer = new MarkdownWriter();
        foreach (var block in report.Blocks) Write(writer, block);
        return writer.ToString();
    }

    private static void Write(MarkdownWriter writer, ReportBlock block)
    {
        switch (block)
        {
            case HeadingBlock h: writer.Heading(h.Level, Inline(h.Title)); break;
            case ParagraphBlock p: writer.Paragraph(Inline(p.Text)); break;
            case NoteBlock n: writer.Note(Inline(n.Text)); break;
            case BulletsBlock b: writer.Bullets(b.Items.Select(Inline)); break;
            case TableBlock t: writer.Table(Table(t)); break;
            case ChartBlock c:
                writer.Paragraph($"**Chart: {Escape(c.Title)}** (drawn in report.html; its data:)");
                writer.Table(Table(c.Data));
                break;
            default: throw new NotSupportedException($"No Markdown for {block.GetType().Name}.");
        }
    }

    private static MarkdownTable Table(TableBlock block)
    {
        var table = new MarkdownTable([.. block.Columns.Select(Inline)]);
        foreach (var row in block.Rows) table.Row([.. row.Select(Inline)]);
        return table;
    }

    internal static string Inline(Text text) => string.Concat(text.Spans.Select(s => s.Style switch
    {
        TextStyle.Code => $"`{s.Value.Replace("`", "'", StringComparison.Ordinal)}`",
        TextStyle.Strong => $"**{Escape(s.Value)}**",
        _ => s.Value,
    }));

    // Only what would turn plain words into emphasis; the rest of the text reads the same in source and rendered.
    private static string Escape(string value) => value.Replace("*", "\\*", StringComparison.Ordinal);
}
