using Versus.Core.Parity;
using Versus.Core.Results;

namespace Versus.Core.Tests.Parity;

public sealed class ParityAnalyzerTests
{
    private static MeasurementRecord Inference(string engine, string workload, float[] logits) =>
        new($"r/{engine}/{workload}/inference", engine, null, workload, MeasurementKind.Inference, MeasurementStatus.Ok, null, null,
            DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, null, null, [], [], new ParityProbe([0, 1], 2, logits));

    private static MeasurementRecord Training(string engine, params double[] losses) =>
        new($"r/{engine}/w/training", engine, null, "w", MeasurementKind.Training, MeasurementStatus.Ok, null, null,
            DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, null, null, [], [.. losses.Select((l, i) => new LossPoint(0, i, l))]);

    private static readonly ParityWeights Trained = ParityWeights.Trained(16, "a");

    private static MeasurementRecord WithTrained(MeasurementRecord record, float[] logits, string? problem = null) =>
        record with { TrainedProbe = new ParityProbe([0, 1], 2, problem is null ? logits : [], Trained, problem) };

    [Fact]
    public void Should_CheckEachStateApartAndSayWhich_When_ProbesCameFromInitialAndTrainedWeights()
    {
        var a = WithTrained(Inference("a", "w", [1f, 2f, 3f, 4f]), [0.5f, 1f, 1.5f, 2f]);
        var b = WithTrained(Inference("b", "w", [1f, 2f, 3f, 4f]), [0.5f, 1f, 1.6f, 2f]);

        var checks = ParityAnalyzer.Analyze([a, b]);

        Assert.Equal(2, checks.Count);
        var initial = Assert.Single(checks, c => c.Weights == ParityWeights.Initial);
        Assert.True(initial.Passed);
        Assert.Contains("from the initial weights", initial.Method);
        var trained = Assert.Single(checks, c => c.Weights == Trained);
        // Agreeing at initialisation (batch norm the identity) does not excuse a difference on trained state.
        Assert.False(trained.Passed);
        Assert.Contains("from the state after 16 training steps in a", trained.Method);
        Assert.StartsWith("test image 1:", trained.Reason);
    }

    [Fact]
    public void Should_FailTheTrainedCheck_When_AnEngineGaveNoLogitsForTheTrainedState()
    {
        var a = WithTrained(Inference("a", "w", [1f, 2f, 3f, 4f]), [0.5f, 1f, 1.5f, 2f]);
        var b = WithTrained(Inference("b", "w", [1f, 2f, 3f, 4f]), [], "worker answered 'load' with ok: false: no tensor 'layers.0.weight'");

        var trained = Assert.Single(ParityAnalyzer.Analyze([a, b]), c => c.Weights == Trained);

        Assert.False(trained.Passed);
        Assert.Null(trained.MaxAbsDifference);
        Assert.Equal("b gave no logits: worker answered 'load' with ok: false: no tensor 'layers.0.weight'", trained.Reason);
    }

    [Fact]
    public void Should_RefuseToCompare_When_TheProbesCameFromDifferentStates()
    {
        var outcome = LogitComparison.Compare(new ParityProbe([0], 2, [1f, 2f], ParityWeights.Initial),
            new ParityProbe([0], 2, [1f, 2f], Trained), "a", "b");

        Assert.False(outcome.Passed);
        Assert.Equal("a and b logged logits from different states (the initial weights vs the state after 16 training steps in a)", outcome.Reason);
    }

    [Fact]
    public void Should_Pass_When_LogitsAgreeWithinTolerance()
    {
        var check = Assert.Single(ParityAnalyzer.Analyze([Inference("a", "w", [1f, 2f, 3f, 4f]), Inference("b", "w", [1f, 2.00005f, 3f, 4f])]));

        Assert.Equal(ParityKind.Forward, check.Kind);
        Assert.True(check.Passed);
        Assert.InRange(check.MaxAbsDifference!.Value, 4e-5, 6e-5);
        Assert.Equal(4, check.Values);
    }

    [Fact]
    public void Should_Fail_When_OneLogitDiffers()
    {
        var check = Assert.Single(ParityAnalyzer.Analyze([Inference("a", "w", [1f, 2f, 3f, 4f]), Inference("b", "w", [1f, 2f, 3.01f, 4f])]));

        Assert.False(check.Passed);
        Assert.InRange(check.MaxAbsDifference!.Value, 0.0099, 0.0101);
    }

    [Fact]
    public void Should_ScaleTheTolerance_When_LogitsAreLarge()
    {
        // At 1500 one float32 step is 1.2e-4: an absolute 1e-4 would fail two correct engines.
        var check = Assert.Single(ParityAnalyzer.Analyze([Inference("a", "w", [1500f, -2f, 3f, 4f]), Inference("b", "w", [1500.0005f, -2f, 3f, 4f])]));

        // 2e-6 of the reference's 1500.
        Assert.Equal(3e-3, check.Tolerance, 6);
        Assert.True(check.Passed);
        Assert.Null(check.Reason);
    }

    [Fact]
    public void Should_Fail_When_OneEngineHasANaN()
    {
        // .NET's Max skips NaN: the old check saw a difference of 0 here and passed.
        var check = Assert.Single(ParityAnalyzer.Analyze([Inference("a", "w", [1f, 2f, 3f, 4f]), Inference("b", "w", [1f, 2f, float.NaN, 4f])]));

        Assert.False(check.Passed);
        Assert.Null(check.MaxAbsDifference);
        Assert.Equal("b's logit 0 of test image 1 is NaN", check.Reason);
    }

    [Fact]
    public void Should_Fail_When_ImagesDiffer()
    {
        var other = Inference("b", "w", [1f, 2f, 3f, 4f]) with { Probe = new ParityProbe([0, 2], 2, [1f, 2f, 3f, 4f]) };

        var check = Assert.Single(ParityAnalyzer.Analyze([Inference("a", "w", [1f, 2f, 3f, 4f]), other]));

        Assert.False(check.Passed);
        Assert.Contains("different test images (0,1 vs 0,2)", check.Reason);
    }

    [Fact]
    public void Should_Fail_When_ALossIsNaN()
    {
        var check = Assert.Single(ParityAnalyzer.Analyze([Training("a", 2.0, 1.9, 1.8), Training("b", 2.0, double.NaN, 1.8)]));

        Assert.False(check.Passed);
        Assert.Equal("b's loss at step 1 is NaN", check.Reason);
    }

    [Fact]
    public void Should_CompareOnlyTheSameWorkload_When_SeveralAreMeasured()
    {
        var checks = ParityAnalyzer.Analyze([Inference("a", "w", [1f, 2f, 3f, 4f]), Inference("b", "v", [9f, 9f, 9f, 9f])]);

        Assert.Empty(checks);
    }

    [Fact]
    public void Should_CompareTheFirstTwentyLosses_When_BothEnginesTrained()
    {
        var a = Enumerable.Range(0, 30).Select(i => 2.0 - i * 0.05).ToArray();
        var b = a.Select((l, i) => i < 20 ? l + 0.0005 : l + 1).ToArray();

        var check = Assert.Single(ParityAnalyzer.Analyze([Training("a", a), Training("b", b)]));

        Assert.Equal(ParityKind.TrainingLoss, check.Kind);
        Assert.Equal(20, check.Values);
        Assert.True(check.Passed);
    }
}
