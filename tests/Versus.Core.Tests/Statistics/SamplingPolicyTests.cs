using Versus.Core.Statistics;

namespace Versus.Core.Tests.Statistics;

public sealed class SamplingPolicyTests
{
    private static readonly SamplingPolicy Policy = new(0.02, 10, 100, TimeSpan.FromSeconds(5));

    [Fact]
    public void Should_KeepSampling_When_BelowMinimum()
    {
        Assert.Null(Policy.ShouldStop([1, 1, 1, 1, 1], TimeSpan.Zero));
    }

    [Fact]
    public void Should_Stop_When_IntervalIsTight()
    {
        var tight = Enumerable.Range(0, 30).Select(i => 100 + (i % 3) * 0.1).ToList();

        Assert.Equal(StopReason.IntervalReached, Policy.ShouldStop(tight, TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public void Should_KeepSampling_When_IntervalIsWide()
    {
        var random = new Random(2);
        var wide = Enumerable.Range(0, 12).Select(_ => random.NextDouble() * 100).ToList();

        Assert.Null(Policy.ShouldStop(wide, TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public void Should_SayBudgetSpent_When_TimeRunsOut()
    {
        Assert.Equal(StopReason.BudgetSpent, Policy.ShouldStop([1, 50, 3], TimeSpan.FromSeconds(6)));
    }

    [Fact]
    public void Should_SayMaxSamples_When_LimitReached()
    {
        Assert.Equal(StopReason.MaxSamples, Policy.ShouldStop([.. Enumerable.Range(0, 100).Select(i => (double)i)], TimeSpan.Zero));
    }
}
