using Versus.Reports.Html.Charts;
using Versus.Reports.Model;

namespace Versus.Reports.Html.Tests;

public sealed class ChartGeometryTests
{
    [Fact]
    public void Should_PlotLog10AndStartBarsAtADecade_When_AxisIsLog()
    {
        var scale = ValueScale.For(new ChartAxis("Latency", "ms", Log: true), [0.42, 3.1, 900], fromDecade: true);

        Assert.True(scale.Log);
        Assert.Equal(-1, scale.Low);
        Assert.Equal(2, scale.Map(100), 12);
        Assert.True(scale.High > Math.Log10(900));
    }

    [Fact]
    public void Should_HonourFixedBounds_When_AxisIsAScoreScale()
    {
        var scale = ValueScale.For(new ChartAxis("Score", "0-3", Minimum: 0, Maximum: 3), [1, 2]);

        Assert.Equal((0.0, 3.0), (scale.Low, scale.High));
    }

    [Fact]
    public void Should_FindQuartilesWhiskersAndOutliers_When_SamplesHaveASpike()
    {
        var shape = BoxShape.Of([1, 2, 3, 4, 5, 6, 7, 8, 9, 100])!;

        Assert.Equal(3.25, shape.Q1, 12);
        Assert.Equal(5.5, shape.Median, 12);
        Assert.Equal(7.75, shape.Q3, 12);
        Assert.Equal((1.0, 9.0), (shape.WhiskerLow, shape.WhiskerHigh));
        Assert.Equal([100.0], shape.Outliers);
    }

    [Fact]
    public void Should_DrawNoBox_When_ThereAreNoSamples() => Assert.Null(BoxShape.Of([]));

    [Fact]
    public void Should_SideSeriesByCategory_When_BarsAreGrouped()
    {
        var axis = new CategoryAxis(["a", "b"], seriesCount: 2);

        Assert.Equal(-0.2, axis.Position("a", 0), 12);
        Assert.Equal(1.2, axis.Position("b", 1), 12);
    }
}
