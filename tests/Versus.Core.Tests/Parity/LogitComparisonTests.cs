using Versus.Core.Parity;

namespace Versus.Core.Tests.Parity;

public sealed class LogitComparisonTests
{
    /// <summary>Two test images (0 and 1) of two classes each.</summary>
    private static ParityProbe Probe(params float[] logits) => new([0, 1], 2, logits);

    private static ParityOutcome Compare(ParityProbe reference, ParityProbe candidate) =>
        LogitComparison.Compare(reference, candidate, "ref", "cand");

    [Fact]
    public void Should_Pass_When_EveryImageIsWithinItsTolerance()
    {
        var outcome = Compare(Probe(1f, 2f, 3f, 4f), Probe(1f, 2.00005f, 3f, 4f));

        Assert.True(outcome.Passed);
        Assert.InRange(outcome.MaxAbsDifference!.Value, 4e-5, 6e-5);
        Assert.Equal(4, outcome.Values);
    }

    [Fact]
    public void Should_Fail_When_ALogitIsInfinite()
    {
        // The old rule scaled the tolerance by the largest logit of both engines: infinity <= infinity passed.
        var outcome = Compare(Probe(1f, 2f, 3f, 4f), Probe(1f, 2f, 3f, float.PositiveInfinity));

        Assert.False(outcome.Passed);
        Assert.Equal("cand's logit 1 of test image 1 is +infinity", outcome.Reason);
    }

    [Fact]
    public void Should_Fail_When_TheReferenceHasANaN()
    {
        var outcome = Compare(Probe(float.NaN, 2f, 3f, 4f), Probe(1f, 2f, 3f, 4f));

        Assert.False(outcome.Passed);
        Assert.Equal("ref's logit 0 of test image 0 is NaN", outcome.Reason);
    }

    [Fact]
    public void Should_Fail_When_TheLogitCountIsNotImagesTimesClasses()
    {
        var outcome = Compare(Probe(1f, 2f, 3f, 4f), Probe(1f, 2f, 3f));

        Assert.False(outcome.Passed);
        Assert.Null(outcome.MaxAbsDifference);
        Assert.Equal("cand returned 3 logits where 2 images x 2 classes = 4 belong", outcome.Reason);
    }

    [Fact]
    public void Should_Fail_When_TheClassCountsDiffer()
    {
        var outcome = Compare(Probe(1f, 2f, 3f, 4f), new ParityProbe([0, 1], 1, [1f, 2f]));

        Assert.False(outcome.Passed);
        Assert.Equal("ref has 2 classes and cand 1", outcome.Reason);
    }

    [Fact]
    public void Should_NotLoosenAnotherImage_When_OneImageHasLargeLogits()
    {
        // Image 0 reaches 1500 (its own tolerance 3e-3); image 1's logits are small, so its 1e-3 error is 10x its 1e-4.
        // One tolerance for all images, as before, passed this.
        var outcome = Compare(Probe(1500f, 2f, 3f, 4f), Probe(1500.0005f, 2f, 3f, 4.001f));

        Assert.False(outcome.Passed);
        Assert.Equal(1e-4, outcome.Tolerance);
        Assert.StartsWith("test image 1: max |ref - cand| 0.001", outcome.Reason);
    }

    [Fact]
    public void Should_TakeTheToleranceFromTheReference_When_TheCandidateInflatesALogit()
    {
        // The candidate's 5000 must not buy it a 5e-3 tolerance: the limit comes from the reference's 4 for image 1.
        var outcome = Compare(Probe(1f, 2f, 3f, 4f), Probe(1f, 2f, 3.002f, 5000f));

        Assert.False(outcome.Passed);
        Assert.Equal(1e-4, outcome.Tolerance);
        Assert.Contains("from ref's logits for that image", outcome.Reason);
    }

    [Fact]
    public void Should_FailTheMutualCheck_When_EitherSideHasANaN()
    {
        Assert.Equal("b's logit 1 of test image 0 is NaN",
            LogitComparison.Mutual(Probe(1f, 2f, 3f, 4f), Probe(1f, float.NaN, 3f, 4f), "a", "b").Reason);
    }

    [Theory]
    [InlineData(20, 1e-4)]
    [InlineData(50, 1e-4)]
    [InlineData(100, 2e-4)]
    [InlineData(2000, 4e-3)]
    public void Should_ScaleWithTheReference_When_ItsLogitsExceed50(double largest, double tolerance)
    {
        Assert.Equal(tolerance, LogitComparison.ToleranceFor(largest), 12);
    }
}
