using Versus.Core.Randomness;
using Versus.Core.Statistics;

namespace Versus.Core.Tests.Statistics;

public sealed class RatioOfRatiosTests
{
    [Fact]
    public void Should_BeOne_When_AMachineIsTwiceAsSlowForBothEngines()
    {
        var engine = Noisy(1, 40, 30);
        var reference = Noisy(2, 40, 10);

        var change = RatioOfRatios.Bootstrap(engine, reference, [.. engine.Select(v => v * 2)], [.. reference.Select(v => v * 2)]);

        Assert.Equal(1.0, change.Ratio, 12);
        Assert.True(change.Low < 1 && change.High > 1, change.ToString());
    }

    [Fact]
    public void Should_FindTheMove_When_OnlyOneEngineSlowsDown()
    {
        var engine = Noisy(1, 40, 30);
        var reference = Noisy(2, 40, 10);

        var change = RatioOfRatios.Bootstrap(engine, reference, [.. engine.Select(v => v * 1.5)], reference);

        Assert.Equal(1.5, change.Ratio, 12);
        Assert.True(change.Low > 1.2 && change.High < 1.8, change.ToString());
    }

    [Fact]
    public void Should_Refuse_When_ASampleIsEmpty() =>
        Assert.Throws<ArgumentException>(() => RatioOfRatios.Bootstrap([1.0], [], [1.0], [1.0]));

    private static double[] Noisy(uint seed, int count, double median)
    {
        var random = new PortableRandom(seed, 5);
        return [.. Enumerable.Range(0, count).Select(_ => median * (0.97 + (0.06 * random.NextDouble())))];
    }
}
