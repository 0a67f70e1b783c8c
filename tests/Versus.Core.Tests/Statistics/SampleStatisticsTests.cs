using Versus.Core.Statistics;

namespace Versus.Core.Tests.Statistics;

public sealed class SampleStatisticsTests
{
    [Fact]
    public void Should_MatchHandComputedHarrellDavis_When_FiveValues()
    {
        // For n = 5 the Harrell-Davis median weights come from Beta(3, 3), whose CDF is 10x^3 - 15x^4 + 6x^5.
        static double F(double x) => 10 * Math.Pow(x, 3) - 15 * Math.Pow(x, 4) + 6 * Math.Pow(x, 5);
        double[] sorted = [1, 2, 3, 4, 100];
        var expected = sorted.Select((v, i) => v * (F((i + 1) / 5.0) - F(i / 5.0))).Sum();

        var summary = SampleStatistics.Summarize([4, 100, 1, 3, 2]);

        Assert.Equal(expected, summary.Median, 6);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(9)]
    public void Should_WithholdTheInterval_When_FewerSamplesThanTheMinimum(int count)
    {
        var summary = SampleStatistics.Summarize([.. Enumerable.Range(1, count).Select(i => 10.0 + i)]);

        Assert.Null(summary.Ci95Low);
        Assert.Null(summary.Ci95High);
        Assert.False(summary.HasInterval);
        Assert.Equal(double.PositiveInfinity, summary.RelativeHalfWidth);
        Assert.Contains($"no 95% interval: {count} sample{(count == 1 ? "" : "s")}, an interval needs 10", summary.Flags);
    }

    [Fact]
    public void Should_GiveAnIntervalAroundTheMedian_When_TenSamples()
    {
        var summary = SampleStatistics.Summarize([.. Enumerable.Range(1, 10).Select(i => 10.0 + i)]);

        Assert.True(summary.Ci95Low < summary.Median && summary.Median < summary.Ci95High);
        Assert.DoesNotContain(summary.Flags, f => f.Contains("no 95% interval"));
    }

    [Fact]
    public void Should_GiveTheValueAsItsOwnInterval_When_EverySampleIsEqual()
    {
        // A timer's resolution can make every sample equal; the store refuses NaN, so a NaN bound failed a whole run.
        var summary = SampleStatistics.Summarize([.. Enumerable.Repeat(2.5, 12)]);

        Assert.Equal(2.5, summary.Median, 12);
        Assert.Equal(2.5, summary.Ci95Low!.Value, 12);
        Assert.Equal(2.5, summary.Ci95High!.Value, 12);
    }

    [Fact]
    public void Should_KeepTheIntervalWithinTheData_When_TheSampleHasTwoModes()
    {
        // Matrix-product GFLOP/s on a contended machine: most calls fast, a third slowed twentyfold. The estimator's normal
        // approximation of such a median's spread reached a negative GFLOP/s bound in a real run.
        double[] values = [.. Enumerable.Range(0, 20).Select(i => 20.0 + i * 0.01), .. Enumerable.Range(0, 10).Select(i => 1.0 + i * 0.01)];

        var summary = SampleStatistics.Summarize(values);

        Assert.InRange(summary.Ci95Low!.Value, 1.0, summary.Median);
        Assert.InRange(summary.Ci95High!.Value, summary.Median, 20.19);
    }

    [Fact]
    public void Should_WriteNullBounds_When_ASummaryOfThreeSamplesIsSerialised()
    {
        var metric = Versus.Core.Results.MetricRecord.From("train.step", "ms", [3, 1, 2]);

        var json = System.Text.Json.Nodes.JsonNode.Parse(Versus.Core.Results.ResultsJson.Serialize(metric))!["summary"]!.AsObject();

        Assert.True(json.ContainsKey("ci95Low") && json["ci95Low"] is null);
        Assert.True(json.ContainsKey("ci95High") && json["ci95High"] is null);
        Assert.Equal(1, json["min"]!.GetValue<double>());
        Assert.Equal(3, json["max"]!.GetValue<double>());
    }

    [Fact]
    public void Should_MatchHandComputedSpread_When_Summarised()
    {
        double[] values = [2, 4, 4, 4, 5, 5, 7, 9];

        var summary = SampleStatistics.Summarize(values);

        var mean = 5.0;
        var sd = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Length - 1));
        Assert.Equal(mean, summary.Mean, 12);
        Assert.Equal(sd, summary.StandardDeviation, 12);
        Assert.Equal(sd / mean, summary.CoefficientOfVariation, 12);
        Assert.Equal(2, summary.Min);
        Assert.Equal(9, summary.Max);
    }

    [Fact]
    public void Should_WithholdTailPercentiles_When_TooFewSamples()
    {
        var summary = SampleStatistics.Summarize([.. Enumerable.Range(1, 63).Select(i => (double)i)]);

        Assert.Null(summary.P90);
        Assert.Null(summary.P99);
        Assert.Contains(summary.Flags, f => f.Contains("p90 withheld") && f.Contains("needs 64"));
        Assert.Contains(summary.Flags, f => f.Contains("p99 withheld") && f.Contains("needs 662"));
    }

    [Fact]
    public void Should_ReportTailPercentiles_When_EnoughSamples()
    {
        var values = Enumerable.Range(1, 1000).Select(i => (double)i).ToArray();

        var summary = SampleStatistics.Summarize(values);

        Assert.InRange(summary.P90!.Value, 895, 905);
        Assert.InRange(summary.P99!.Value, 985, 995);
        Assert.InRange(summary.Median, 499, 502);
        Assert.True(summary.RelativeHalfWidth < 0.1);
    }

    [Fact]
    public void Should_CountButKeepOutliers_When_OneValueIsFar()
    {
        double[] values = [10, 10.1, 9.9, 10.2, 9.8, 10, 10.1, 9.9, 10, 50];

        var summary = SampleStatistics.Summarize(values);

        Assert.Equal(1, summary.UpperOutliers);
        Assert.Equal(0, summary.LowerOutliers);
        Assert.Equal(10, summary.Count);
        Assert.Equal(50, summary.Max);
        Assert.Contains(summary.Flags, f => f.Contains("outlier"));
    }

    [Fact]
    public void Should_NarrowTheInterval_When_SamplesGrow()
    {
        var random = new Random(1);
        double Draw() => 10 + random.NextDouble();
        var small = SampleStatistics.Summarize([.. Enumerable.Range(0, 20).Select(_ => Draw())]);
        var large = SampleStatistics.Summarize([.. Enumerable.Range(0, 2000).Select(_ => Draw())]);

        Assert.True(large.RelativeHalfWidth < small.RelativeHalfWidth);
    }

    [Fact]
    public void Should_GiveExactRatio_When_SamplesAreConstant()
    {
        var ratio = MedianRatio.Bootstrap([.. Enumerable.Repeat(2.0, 10)], [.. Enumerable.Repeat(1.0, 12)]);

        Assert.Equal(2, ratio.Ratio);
        Assert.Equal(2, ratio.Low);
        Assert.Equal(2, ratio.High);
        Assert.Equal("2.000x [2.000-2.000]", ratio.ToString());
    }

    [Theory]
    [InlineData(3, 3)]
    [InlineData(9, 200)]
    [InlineData(200, 9)]
    public void Should_GiveTheRatioWithoutInterval_When_ASideHasFewerSamplesThanTheMinimum(int numerator, int denominator)
    {
        var random = new Random(5);
        var slow = Enumerable.Range(0, numerator).Select(_ => 20 + random.NextDouble()).ToArray();
        var fast = Enumerable.Range(0, denominator).Select(_ => 10 + random.NextDouble()).ToArray();

        var ratio = MedianRatio.Bootstrap(slow, fast);

        Assert.Equal(PlainMedian.Of(slow) / PlainMedian.Of(fast), ratio.Ratio);
        Assert.Null(ratio.Low);
        Assert.Null(ratio.High);
        Assert.EndsWith("x (no interval)", ratio.ToString());
    }

    [Fact]
    public void Should_BracketTheRatio_When_SamplesVary()
    {
        var random = new Random(3);
        var slow = Enumerable.Range(0, 200).Select(_ => 20 + random.NextDouble()).ToArray();
        var fast = Enumerable.Range(0, 200).Select(_ => 10 + random.NextDouble()).ToArray();

        var ratio = MedianRatio.Bootstrap(slow, fast);

        Assert.InRange(ratio.Ratio, 1.9, 2.1);
        Assert.True(ratio.Low <= ratio.Ratio && ratio.Ratio <= ratio.High);
        Assert.True(ratio.High - ratio.Low < 0.1);
    }
}
