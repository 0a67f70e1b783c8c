using ScottPlot;
using Versus.Reports.Model;

namespace Versus.Reports.Html.Charts;

/// <summary>Draws one <see cref="ChartKind"/> with ScottPlot: builds the plot, and <see cref="ChartSvg"/> turns it into SVG.</summary>
internal interface IChartPainter
{
    ChartKind Kind { get; }

    Plot Paint(ChartBlock chart);
}
