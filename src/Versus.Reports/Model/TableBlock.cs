namespace Versus.Reports.Model;

/// <summary>A table of text cells; every row has one cell per column (checked when built by <see cref="TableBuilder"/>).</summary>
public sealed record TableBlock(IReadOnlyList<Text> Columns, IReadOnlyList<IReadOnlyList<Text>> Rows) : ReportBlock;
