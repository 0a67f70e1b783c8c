using System.Text.Json.Serialization;

namespace Versus.Reports.Model;

/// <summary>
/// One block of the format-neutral report, in reading order. The set is closed on purpose: a renderer that handles
/// these six renders every report, so a new format is a renderer and nothing else.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "block")]
[JsonDerivedType(typeof(HeadingBlock), "heading")]
[JsonDerivedType(typeof(ParagraphBlock), "paragraph")]
[JsonDerivedType(typeof(NoteBlock), "note")]
[JsonDerivedType(typeof(BulletsBlock), "bullets")]
[JsonDerivedType(typeof(TableBlock), "table")]
[JsonDerivedType(typeof(ChartBlock), "chart")]
public abstract record ReportBlock;

/// <param name="Id">A stable anchor ("training-time") for links and tests; unique within a report.</param>
public sealed record HeadingBlock(int Level, Text Title, string Id) : ReportBlock;

public sealed record ParagraphBlock(Text Text) : ReportBlock;

/// <summary>A caveat that belongs to the block above it (why cited figures are not comparable, how a figure was taken).</summary>
public sealed record NoteBlock(Text Text) : ReportBlock;

public sealed record BulletsBlock(IReadOnlyList<Text> Items) : ReportBlock;
