using Versus.Reports.Model;

namespace Versus.Reports.Html.Charts;

/// <summary>One painter per chart kind; a kind without a painter is a programming error caught by the tests.</summary>
internal static class ChartPainters
{
    private static readonly IReadOnlyDictionary<ChartKind, IChartPainter> ByKind = new IChartPainter[]
    {
        new BarsPainter(),
        new StackedBarsPainter(),
        new BoxPainter(),
        new LinesPainter(),
        new ForestPainter(),
        new ScoresPainter(),
    }.ToDictionary(p => p.Kind);

    public static IChartPainter For(ChartKind kind) =>
        ByKind.TryGetValue(kind, out var painter) ? painter : throw new NotSupportedException($"No painter for {kind} charts.");
}
