namespace Versus.Reports.Model;

/// <summary>
/// A chart as data: what to draw, never how. <see cref="Data"/> is the same figures as a table, which every renderer
/// shows beside the chart (for screen readers and copy-paste) and which is all a format without pictures shows.
/// <see cref="Description"/> is the chart's text alternative.
/// </summary>
public sealed record ChartBlock(
    string Id,
    string Title,
    ChartKind Kind,
    ChartAxis ValueAxis,
    string CategoryLabel,
    IReadOnlyList<ChartSeries> Series,
    string Description,
    TableBlock Data) : ReportBlock;
