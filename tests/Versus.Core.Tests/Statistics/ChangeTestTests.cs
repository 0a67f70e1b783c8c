using Versus.Core.Randomness;
using Versus.Core.Statistics;

namespace Versus.Core.Tests.Statistics;

public sealed class ChangeTestTests
{
    [Fact]
    public void Should_SeeNoEvidenceRatherThanNaN_When_ASampleCannotBeRanked()
    {
        var result = ChangeTest.Run([1.0, 1.1, double.NaN, 1.2, 1.05], [1.3, 1.4, 1.35, 1.45, 1.5], 0.05);

        Assert.InRange(result.IncreaseP, 0, 1);
        Assert.InRange(result.DecreaseP, 0, 1);
        Assert.InRange(result.ChangeP, 0, 1);
    }

    [Fact]
    public void Should_GiveTheExactMannWhitneyPValue_When_SamplesDoNotOverlap()
    {
        // 3 against 3 values, all of B above all of A: one of C(6, 3) = 20 equally likely rankings, so p = 1/20.
        var result = ChangeTest.Run([1, 2, 3], [4, 5, 6], threshold: 0);

        Assert.Equal(0.05, result.IncreaseP, 6);
        Assert.Equal(1.0, result.DecreaseP, 6);
        Assert.True(result.Increased);
    }

    [Fact]
    public void Should_FindAnIncrease_When_BIsTwentyPercentSlower()
    {
        var before = Noisy(1, 60, 10);
        var after = Noisy(2, 60, 12);

        var result = ChangeTest.Run(before, after, threshold: 0.05);

        Assert.True(result.IncreaseP < 1e-6, $"p = {result.IncreaseP}");
        Assert.True(result.ChangeP < 1e-5);
        Assert.True(result.Increased);
    }

    [Fact]
    public void Should_FindADecrease_When_BIsTwentyPercentFaster()
    {
        var result = ChangeTest.Run(Noisy(1, 60, 10), Noisy(2, 60, 8), threshold: 0.05);

        Assert.True(result.DecreaseP < 1e-6, $"p = {result.DecreaseP}");
        Assert.False(result.Increased);
    }

    [Fact]
    public void Should_IgnoreAShiftSmallerThanTheThreshold_When_OneIsGiven()
    {
        // A 2% shift in 300 samples a side is plain to a test of "any change", and no evidence of a 5% one.
        var before = Noisy(3, 300, 10);
        var after = Noisy(4, 300, 10.2);

        Assert.True(ChangeTest.Run(before, after, threshold: 0).ChangeP < 0.01);
        Assert.True(ChangeTest.Run(before, after, threshold: 0.05).ChangeP > 0.5);
    }

    [Fact]
    public void Should_Refuse_When_ASideHasFewerThanThreeValues() =>
        Assert.Throws<ArgumentException>(() => ChangeTest.Run([1, 2], [1, 2, 3], 0.05));

    /// <summary>Uniform noise of +/-3% around <paramref name="median"/>.</summary>
    private static double[] Noisy(uint seed, int count, double median)
    {
        var random = new PortableRandom(seed, 5);
        return [.. Enumerable.Range(0, count).Select(_ => median * (0.97 + (0.06 * random.NextDouble())))];
    }
}
