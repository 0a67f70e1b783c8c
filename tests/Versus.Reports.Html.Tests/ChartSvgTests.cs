using Versus.Reports.Html.Charts;
using Versus.Reports.Model;

namespace Versus.Reports.Html.Tests;

public sealed class ChartSvgTests
{
    public static TheoryData<ChartKind> Kinds => [.. Enum.GetValues<ChartKind>()];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Should_DrawSvgWithAxisTitle_When_ChartIsOfKind(ChartKind kind)
    {
        var chart = SampleReport.Build("run-1").Charts.First(c => c.Kind == kind);

        var svg = ChartSvg.Render(chart);

        Assert.StartsWith("<svg viewBox=", svg);
        Assert.DoesNotContain("<?xml", svg);
        var axisTitle = ChartTheme.AxisTitle(kind == ChartKind.StackedBars ? chart.ValueAxis with { Log = false } : chart.ValueAxis);
        Assert.Contains(axisTitle, SvgText(svg));
        Assert.Contains(chart.CategoryLabel, SvgText(svg));
    }

    [Fact]
    public void Should_NameCitedSeriesApart_When_ChartMixesCitedAndMeasured()
    {
        var chart = SampleReport.Build("run-1").Charts.First(c => c.Kind == ChartKind.Bars);

        var text = SvgText(ChartSvg.Render(chart));

        Assert.Contains("the deck (cited)", text);
        Assert.Contains("alpha (measured here)", text);
        Assert.Contains("invalid", text);
    }

    [Fact]
    public void Should_WriteUnknown_When_AScoreIsMissing()
    {
        var chart = SampleReport.Build("run-1").Charts.First(c => c.Kind == ChartKind.Scores);

        Assert.Contains("unknown", SvgText(ChartSvg.Render(chart)));
    }

    [Fact]
    public void Should_LabelInvalidRows_When_ForestHasMutedComparisons()
    {
        var chart = SampleReport.Build("run-1").Charts.First(c => c.Kind == ChartKind.Forest);

        var text = SvgText(ChartSvg.Render(chart));

        Assert.Contains("cnn-64 latency (invalid)", text);
        Assert.Contains("parity failed", text);
    }

    [Fact]
    public void Should_StillDraw_When_SeriesAreEmpty()
    {
        foreach (var kind in Enum.GetValues<ChartKind>())
        {
            var chart = SampleReport.Chart("empty", "Empty", kind, new ChartAxis("Time", "ms", Log: kind == ChartKind.Bars), "x");

            Assert.StartsWith("<svg", ChartSvg.Render(chart));
        }
    }

    /// <summary>The SVG's text content: Skia writes each label as a text element, possibly split in spans.</summary>
    private static string SvgText(string svg)
    {
        var doc = System.Xml.Linq.XDocument.Parse(svg);
        return string.Join("\n", doc.Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value));
    }
}
