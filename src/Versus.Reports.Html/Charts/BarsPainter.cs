using ScottPlot;
using Versus.Reports.Model;

namespace Versus.Reports.Html.Charts;

internal sealed class BarsPainter : IChartPainter
{
    public ChartKind Kind => ChartKind.Bars;

    public Plot Paint(ChartBlock chart) => GroupedBars.Paint(chart, markUnknown: false);
}
