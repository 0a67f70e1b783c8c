namespace Versus.Reports.Model;

/// <summary>
/// Collects a report's blocks in reading order. Heading ids are made from the title and kept unique, so a renderer can
/// anchor them and a test can find a section without depending on the format.
/// </summary>
public sealed class ReportBuilder
{
    private readonly List<ReportBlock> blocks = [];
    private readonly HashSet<string> ids = new(StringComparer.Ordinal);

    public ReportBuilder Heading(int level, Text title, string? id = null)
    {
        blocks.Add(new HeadingBlock(level, title, UniqueId(id ?? Slug(title.Plain))));
        return this;
    }

    public ReportBuilder Paragraph(Text text)
    {
        blocks.Add(new ParagraphBlock(text));
        return this;
    }

    public ReportBuilder Note(Text text)
    {
        blocks.Add(new NoteBlock(text));
        return this;
    }

    public ReportBuilder Bullets(IEnumerable<Text> items)
    {
        var list = items.ToList();
        if (list.Count > 0) blocks.Add(new BulletsBlock(list));
        return this;
    }

    public ReportBuilder Bullets(IEnumerable<string> items) => Bullets(items.Select(i => (Text)i));

    public ReportBuilder Table(TableBuilder table) => Table(table.Build());

    public ReportBuilder Table(TableBlock table)
    {
        blocks.Add(table);
        return this;
    }

    public ReportBuilder Chart(ChartBlock chart)
    {
        blocks.Add(chart with { Id = UniqueId(chart.Id) });
        return this;
    }

    public ReportDocument Build(string runId, Text title) => new(runId, title, [.. blocks]);

    private string UniqueId(string id)
    {
        var candidate = id;
        for (var n = 2; !ids.Add(candidate); n++) candidate = $"{id}-{n}";
        return candidate;
    }

    /// <summary>"(c) Inference for small image models (28x28)" becomes "c-inference-for-small-image-models-28x28".</summary>
    private static string Slug(string title)
    {
        var chars = title.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray();
        var slug = string.Join('-', new string(chars).Split('-', StringSplitOptions.RemoveEmptyEntries));
        return slug.Length == 0 ? "section" : slug;
    }
}
