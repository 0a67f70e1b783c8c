using Spectre.Console;
using Versus.Reports.Model;
using Text = Versus.Reports.Model.Text;

namespace Versus.Cli.Console;

/// <summary>
/// A format-neutral report on the terminal: headings as rules, tables as Spectre tables, strong text in bold. Charts are
/// left out (a terminal draws none; their figures are in the tables), so nothing here computes or words a figure.
/// </summary>
public static class ConsoleReport
{
    public static void Write(ReportDocument report)
    {
        foreach (var block in report.Blocks)
        {
            switch (block)
            {
                case HeadingBlock h when h.Level == 1: AnsiConsole.Write(new Rule(Inline(h.Title)).LeftJustified()); break;
                case HeadingBlock h: AnsiConsole.MarkupLine($"\n[bold underline]{Inline(h.Title)}[/]"); break;
                case ParagraphBlock p: AnsiConsole.MarkupLine(Inline(p.Text)); break;
                case NoteBlock n: AnsiConsole.MarkupLine($"[dim]{Inline(n.Text)}[/]"); break;
                case BulletsBlock b:
                    foreach (var item in b.Items) AnsiConsole.MarkupLine($"  - {Inline(item)}");
                    break;
                case TableBlock t: AnsiConsole.Write(Table(t)); break;
                case ChartBlock: break;
                default: throw new NotSupportedException($"No terminal rendering for {block.GetType().Name}.");
            }
        }
    }

    private static Table Table(TableBlock block)
    {
        var table = new Table().Border(TableBorder.Rounded);
        foreach (var column in block.Columns) table.AddColumn(Inline(column));
        foreach (var row in block.Rows) table.AddRow([.. row.Select(Inline)]);
        return table;
    }

    private static string Inline(Text text) => string.Concat(text.Spans.Select(s => s.Style switch
    {
        TextStyle.Code => $"[cyan]{Markup.Escape(s.Value)}[/]",
        TextStyle.Strong => $"[bold]{Markup.Escape(s.Value)}[/]",
        _ => Markup.Escape(s.Value),
    }));
}
