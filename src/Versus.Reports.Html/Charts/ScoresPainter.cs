using ScottPlot;
using Versus.Reports.Model;

namespace Versus.Reports.Html.Charts;

/// <summary>Scores on their fixed scale, measured beside cited; a score with no evidence is written "unknown", never drawn as 0.</summary>
internal sealed class ScoresPainter : IChartPainter
{
    public ChartKind Kind => ChartKind.Scores;

    public Plot Paint(ChartBlock chart) => GroupedBars.Paint(chart, markUnknown: true);
}
