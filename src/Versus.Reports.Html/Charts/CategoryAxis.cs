using ScottPlot;
using ScottPlot.TickGenerators;
using Versus.Reports.Model;

namespace Versus.Reports.Html.Charts;

/// <summary>
/// Categories in order of first appearance across the series, and where each series' bar or box sits in its group:
/// side by side, centred on the category's tick.
/// </summary>
internal sealed class CategoryAxis
{
    private const double GroupWidth = 0.8;

    private readonly List<string> categories;
    private readonly int seriesCount;

    public CategoryAxis(IReadOnlyList<string> categories, int seriesCount)
    {
        this.categories = [.. categories];
        this.seriesCount = Math.Max(1, seriesCount);
    }

    public static CategoryAxis Of(IReadOnlyList<ChartSeries> series) => new(
        series.SelectMany(s => s.Points).Select(p => p.Category).Distinct(StringComparer.Ordinal).ToList(), series.Count);

    public IReadOnlyList<string> Categories => categories;

    public double Slot => GroupWidth / seriesCount;

    public double Position(string category, int seriesIndex) =>
        categories.IndexOf(category) + ((seriesIndex - ((seriesCount - 1) / 2.0)) * Slot);

    /// <summary>Labels the category ticks; long label sets are slanted so that they do not collide.</summary>
    public void Apply(Plot plot, IAxis axis)
    {
        var ticks = new NumericManual();
        for (var i = 0; i < categories.Count; i++) ticks.AddMajor(i, categories[i]);
        axis.TickGenerator = ticks;
        axis.MajorTickStyle.Length = 0;
        if (axis.IsHorizontal())
        {
            if (categories.Sum(c => c.Length) > 80)
            {
                axis.TickLabelStyle.Rotation = -25;
                axis.TickLabelStyle.Alignment = Alignment.MiddleRight;
            }
            plot.Axes.SetLimitsX(-0.6, categories.Count - 0.4, (IXAxis)axis);
        }
        else plot.Axes.SetLimitsY(categories.Count - 0.4, -0.6, (IYAxis)axis);
    }
}
