using Versus.Core.Statistics;

namespace Versus.Core.Tests.Statistics;

public sealed class BenjaminiHochbergTests
{
    [Fact]
    public void Should_MatchHandComputedQValues_When_FourTests()
    {
        // Sorted: 0.005 (rank 1) -> 0.02, 0.01 (2) -> 0.02, 0.03 (3) -> 0.04, 0.04 (4) -> 0.04; already monotone.
        var adjusted = BenjaminiHochberg.Adjust([0.01, 0.04, 0.03, 0.005]);

        Assert.Equal([0.02, 0.04, 0.04, 0.02], adjusted.Select(q => Math.Round(q, 12)));
    }

    [Fact]
    public void Should_KeepTheOrderOfRawPValues_When_ALaterRankGivesASmallerValue()
    {
        // 0.04 * 3 / 2 = 0.06 is above 0.045 * 3 / 3 = 0.045: step-up takes the smaller for both.
        var adjusted = BenjaminiHochberg.Adjust([0.045, 0.04, 0.001]);

        Assert.Equal([0.045, 0.045, 0.003], adjusted.Select(q => Math.Round(q, 12)));
    }

    [Fact]
    public void Should_LeaveASingleTestAlone_When_TheFamilyHasOne() =>
        Assert.Equal([0.03], BenjaminiHochberg.Adjust([0.03]));

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void Should_Refuse_When_APValueIsOutsideZeroToOne(double p) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => BenjaminiHochberg.Adjust([0.01, p]));
}
