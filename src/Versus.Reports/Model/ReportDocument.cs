namespace Versus.Reports.Model;

/// <summary>
/// What the report says, once, in no format: blocks in reading order. Markdown, HTML and JSON are renderers of this;
/// nothing in it is markup and nothing a renderer does computes a figure.
/// </summary>
/// <param name="RunId">The run the report is about.</param>
/// <param name="Title">The report's title.</param>
/// <param name="Blocks">Headings, paragraphs, notes, lists, tables and charts in reading order.</param>
public sealed record ReportDocument(string RunId, Text Title, IReadOnlyList<ReportBlock> Blocks)
{
    public IEnumerable<ChartBlock> Charts => Blocks.OfType<ChartBlock>();
}
