using Versus.Core.Statistics;

namespace Versus.Core.Tests.Statistics;

public sealed class PlainMedianTests
{
    [Theory]
    [InlineData(new[] { 5.0 }, 5.0)]
    [InlineData(new[] { 9.0, 1.0, 4.0 }, 4.0)]
    [InlineData(new[] { 8.0, 2.0, 6.0, 4.0 }, 5.0)]
    [InlineData(new[] { 3.0, 3.0, 1.0, 3.0, 7.0, 3.0 }, 3.0)]
    [InlineData(new[] { -1.5, 10.0, 0.25, 2.0, -8.0 }, 0.25)]
    public void Should_TakeTheMiddleValueOrTheMeanOfTheTwo_When_ValuesAreUnsorted(double[] values, double expected)
    {
        Assert.Equal(expected, PlainMedian.Of(values));
    }

    [Fact]
    public void Should_LeaveTheCallersValuesInTheirOrder_When_Selecting()
    {
        double[] values = [4, 1, 3, 2, 5, 0];

        Assert.Equal(2.5, PlainMedian.Of(values));
        Assert.Equal([4.0, 1, 3, 2, 5, 0], values);
    }

    [Fact]
    public void Should_Refuse_When_ThereAreNoValues()
    {
        Assert.Throws<ArgumentException>(() => PlainMedian.Of([]));
    }
}
