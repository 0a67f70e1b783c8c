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
