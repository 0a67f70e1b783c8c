namespace Versus.Reports.Model;

/// <summary>One engine's (or one source's) points. <see cref="Cited"/> marks the deck's figures, drawn apart from measurements.</summary>
public sealed record ChartSeries(string Name, IReadOnlyList<ChartPoint> Points, bool Cited = false);
