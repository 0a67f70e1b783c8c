using Versus.Core.Results;
using Versus.Core.Statistics;
using Versus.Reports.Formatting;
using Versus.Reports.Markdown;

namespace Versus.Reports.Tests;

public sealed class FormattingTests
{
    [Theory]
    [InlineData(0.42, "ms", "420.0 µs")]
    [InlineData(14.5, "ms", "14.50 ms")]
    [InlineData(1500, "ms", "1.500 s")]
    [InlineData(0.00087, "s", "870.0 µs")]
    [InlineData(300, "s", "5.000 min")]
    [InlineData(61_128, "s", "16.98 h")]
    [InlineData(9025.3, "images/s", "9,025 images/s")]
    [InlineData(0.912, "ratio", "91.20%")]
    public void Should_PickAReadableUnit_When_FormattingAValue(double value, string unit, string expected) =>
        Assert.Equal(expected, Units.Format(value, unit));

    [Fact]
    public void Should_FormatBytesInBinaryUnits_When_GivenPeakMemory() =>
        Assert.Equal("612.0 MiB", Units.Bytes(612L << 20));

    [Fact]
    public void Should_SayNoInterval_When_AMetricHasASingleSample() =>
        Assert.Equal("12.90 s (1 sample, no interval)", SummaryText.MedianWithInterval(MetricRecord.Single(MetricNames.TrainTotal, "s", 12.9)));

    [Fact]
    public void Should_WithholdP90_When_FewerSamplesThanTheRuleNeeds()
    {
        var metric = MetricRecord.From(MetricNames.LatencyBatch1, "ms", SampleSeries.Timings(1, 40, 1.2));

        Assert.Equal($"withheld: 40 samples, p90 needs {TailPercentileRule.MinimumForP90}", SummaryText.P90(metric));
    }

    [Fact]
    public void Should_ShrinkDecimals_When_TheRatioIsLarge()
    {
        Assert.Equal("1.80x [1.70-1.90]", RatioText.Format(new RatioInterval(1.8, 1.7, 1.9)));
        Assert.Equal("250x [240-260]", RatioText.Format(new RatioInterval(250.2, 240, 260)));
        Assert.Equal("250x", RatioText.Point(new RatioInterval(250.2, 240, 260)));
    }

    [Fact]
    public void Should_WriteTheRatioAlone_When_ItHasNoInterval()
    {
        Assert.Equal("1.80x", RatioText.Format(new RatioInterval(1.8, null, null)));
    }

    [Fact]
    public void Should_EscapePipesAndNewlines_When_ACellContainsThem()
    {
        var text = new MarkdownTable("Reason").Row("exit 1 | stderr:\nboom").Render();

        Assert.Equal("| Reason |\n| --- |\n| exit 1 \\| stderr: boom |\n", text);
    }

    [Fact]
    public void Should_RejectARow_When_ItsCellCountDiffersFromTheHeader() =>
        Assert.Throws<ArgumentException>(() => new MarkdownTable("A", "B").Row("only one"));
}
