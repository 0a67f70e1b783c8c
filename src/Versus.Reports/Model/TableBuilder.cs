namespace Versus.Reports.Model;

/// <summary>Builds a <see cref="TableBlock"/> row by row and refuses a row of the wrong width, a programming error.</summary>
public sealed class TableBuilder
{
    private readonly Text[] columns;
    private readonly List<IReadOnlyList<Text>> rows = [];

    public TableBuilder(params Text[] columns)
    {
        if (columns.Length == 0) throw new ArgumentException("A table needs at least one column.", nameof(columns));
        this.columns = columns;
    }

    public int RowCount => rows.Count;

    public TableBuilder Row(params Text[] cells)
    {
        if (cells.Length != columns.Length)
            throw new ArgumentException($"The table has {columns.Length} columns; the row has {cells.Length} cells.", nameof(cells));
        rows.Add(cells);
        return this;
    }

    public TableBlock Build() => new(columns, [.. rows]);
}
