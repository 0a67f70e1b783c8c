using Versus.Core.Measurement;

namespace Versus.Core.Tests.Measurement;

public sealed class TrainingEstimateTests
{
    [Fact]
    public void Should_Allow_When_MinimumStepsFitTheBudget()
    {
        // 30 ms forward -> 90 ms a step; 2 warm-up + 10 timed steps = 1.08 s, well inside 60 s.
        Assert.Null(TrainingEstimate.WhyNot(30, 2, 10, TimeSpan.FromSeconds(60)));
    }

    [Fact]
    public void Should_GiveTheEstimateAsReason_When_StepsCannotFit()
    {
        // 13 s forward (JavaScript kernels, cnn-64 at batch 64) -> 39 s a step; 12 steps = 468 s > 60 s.
        var why = TrainingEstimate.WhyNot(13_000, 2, 10, TimeSpan.FromSeconds(60));

        Assert.NotNull(why);
        Assert.Contains("estimated 39 s per training step", why);
        Assert.Contains("about 468 s, more than the 60 s training budget", why);
    }

    [Fact]
    public void Should_CountWarmupStepsInTheEstimate_When_Deciding()
    {
        // 1 s forward -> 3 s a step: 10 timed steps fit 30 s exactly, warm-up steps tip it over.
        Assert.Null(TrainingEstimate.WhyNot(1000, 0, 10, TimeSpan.FromSeconds(30)));
        Assert.NotNull(TrainingEstimate.WhyNot(1000, 1, 10, TimeSpan.FromSeconds(30)));
    }
}

public sealed class TrainingEstimateAfterWarmupTests
{
    [Fact]
    public void Should_TimeTheForwardAgain_When_TheFirstWasCheapEnough()
    {
        // WebGL's first forward compiles its shaders (2.9 s for small-cnn-28 here): worth a second look within 60 s.
        Assert.True(TrainingEstimate.WorthSecondForward(2_900, TimeSpan.FromSeconds(60)));
        // JavaScript kernels on cnn-64: an 18 s forward is slow for real; a second would spend a third of the budget.
        Assert.False(TrainingEstimate.WorthSecondForward(18_000, TimeSpan.FromSeconds(60)));
    }

    [Fact]
    public void Should_KeepTheMeasurement_When_AtLeastThreeWarmStepsFitWhatIsLeft()
    {
        Assert.Null(TrainingEstimate.WhyNotAfterWarmup(10_700, TimeSpan.FromSeconds(40), TimeSpan.FromSeconds(60)));
    }

    [Fact]
    public void Should_GiveTheMeasuredStepAsReason_When_TooFewStepsFit()
    {
        // tfjs cpu depth-4 measured 18.6 s a step where one forward promised 3x less.
        var why = TrainingEstimate.WhyNotAfterWarmup(18_600, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(60));

        Assert.NotNull(why);
        Assert.Contains("measured 18.6 s per training step in warm-up", why);
        Assert.Contains("about 56 s, more than the 30 s left of the 60 s training budget", why);
    }

    [Fact]
    public void Should_FlagTheRecord_When_FewerStepsThanTheMinimumWereTimed()
    {
        Assert.Equal("insufficient samples: 4 timed steps, fewer than the minimum 10; no 95% interval", TrainingEstimate.InsufficientSamples(4, 10));
        Assert.Equal("insufficient samples: 12 timed steps, fewer than the minimum 20; the interval is wide", TrainingEstimate.InsufficientSamples(12, 20));
        Assert.Null(TrainingEstimate.InsufficientSamples(10, 10));
    }
}

public sealed class TrainingTimeLimitTests
{
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan Ceiling = TimeSpan.FromSeconds(40);

    [Fact]
    public void Should_RunOnToTenSteps_When_TheBudgetStopsThemShortButTheCeilingDoesNot()
    {
        // TensorFlow.js on WebGL, small-cnn-28: warm-up took 7 s, 3.2 s a step: 10 steps end at 39 s, past 20, within 40.
        var limit = TrainingEstimate.Limit(3_200, TimeSpan.FromSeconds(7), 10, Budget, Ceiling);

        Assert.True(limit.Stretched);
        Assert.False(limit.Spent(TimeSpan.FromSeconds(23), 5));
        Assert.False(limit.Spent(TimeSpan.FromSeconds(36), 9));
        Assert.True(limit.Spent(TimeSpan.FromSeconds(39), 10));
        Assert.True(limit.Spent(TimeSpan.FromSeconds(41), 9));
        Assert.Equal("ran 43 s, past the 20 s training budget, to reach 10 timed steps, the fewest with an interval (no step starts after 40 s)",
            limit.Note(TimeSpan.FromSeconds(43), 10));
        Assert.Equal("ran 41 s, past the 20 s training budget, for 10 timed steps, the fewest with an interval, but reached its 40 s limit after 9",
            limit.Note(TimeSpan.FromSeconds(41), 9));
        Assert.Null(limit.Note(TimeSpan.FromSeconds(19), 10));
    }

    [Fact]
    public void Should_KeepTheBudget_When_TenStepsFitItOrCannotReachTheCeiling()
    {
        // 1.3 s a step after 4 s of warm-up: 10 steps end at 17 s, inside the budget.
        var fits = TrainingEstimate.Limit(1_300, TimeSpan.FromSeconds(4), 10, Budget, Ceiling);
        // 4 s a step: 10 steps would end at 47 s, past the ceiling too; stretching would not buy an interval.
        var hopeless = TrainingEstimate.Limit(4_000, TimeSpan.FromSeconds(7), 10, Budget, Ceiling);

        foreach (var limit in new[] { fits, hopeless })
        {
            Assert.False(limit.Stretched);
            Assert.True(limit.Spent(TimeSpan.FromSeconds(21), 3));
            Assert.False(limit.Spent(TimeSpan.FromSeconds(19), 3));
            Assert.Null(limit.Note(TimeSpan.FromSeconds(21), 3));
        }
    }
}
