using Versus.Core.Engines;
using Versus.Reports.Verdict;
using static Versus.Reports.Tests.Verdict.VerdictRun;

namespace Versus.Reports.Tests.Verdict;

/// <summary>Rubric 1, performance: 10 for the faster family, 10 minus 2 per doubling of time for the slower (docs/scoring.md).</summary>
public sealed class PerformanceScoreTests
{
    [Fact]
    public void Should_ScoreTheSlowerFamilySix_When_ItTrainsFourTimesSlower()
    {
        // PyTorch 10 ms, TensorFlow 40 ms a step: 4x = 2 doublings behind, so 10 - 2 x 2 = 6.
        var run = new VerdictRun()
            .Training(PyTorchEngine, Alpha, "small-cnn-28", Around(10))
            .Training(TensorFlowEngine, Beta, "small-cnn-28", Around(40))
            .Parity("small-cnn-28", PyTorchEngine, TensorFlowEngine, passed: true);

        var verdict = VerdictAnalysis.Compute(run.Build(), Priorities.Default);

        var pytorch = Performance(verdict, FrameworkFamily.PyTorch);
        var tensorflow = Performance(verdict, FrameworkFamily.TensorFlow);
        Assert.Equal(10, pytorch.Value);
        Assert.Equal(6, tensorflow.Value);
        Assert.Equal(6.0, tensorflow.Exact!.Value, 9);
        Assert.Equal(Confidence.Medium, tensorflow.Confidence);
        var evidence = Assert.Single(verdict.Evidence.OfType<MeasuredEvidence>());
        Assert.Equal(ComparisonUse.Counted, evidence.Use);
        Assert.Contains(evidence.Id, tensorflow.EvidenceIds);
    }

    [Fact]
    public void Should_AverageTheRatiosGeometrically_When_EachFamilyWinsAMetric()
    {
        // Training: PyTorch 4x faster (log2 +2); latency: TensorFlow 2x faster (log2 -1). Mean +0.5: TensorFlow is
        // 2^0.5 behind, 10 - 2 x 0.5 = 9.
        var run = new VerdictRun()
            .Training(PyTorchEngine, Alpha, "small-cnn-28", Around(10))
            .Training(TensorFlowEngine, Beta, "small-cnn-28", Around(40))
            .Latency(PyTorchEngine, Alpha, "small-cnn-28", Around(2))
            .Latency(TensorFlowEngine, Beta, "small-cnn-28", Around(1))
            .Parity("small-cnn-28", PyTorchEngine, TensorFlowEngine, passed: true);

        var verdict = VerdictAnalysis.Compute(run.Build(), Priorities.Default);

        Assert.Equal(10, Performance(verdict, FrameworkFamily.PyTorch).Value);
        Assert.Equal(9.0, Performance(verdict, FrameworkFamily.TensorFlow).Exact!.Value, 9);
    }

    [Fact]
    public void Should_LeaveOutTheComparison_When_ParityFailed()
    {
        // small-cnn-28 (8x, parity failed) is left out; depth-2 (2x, parity passed) alone gives 10 - 2 x 1 = 8.
        var run = new VerdictRun()
            .Training(PyTorchEngine, Alpha, "small-cnn-28", Around(10))
            .Training(TensorFlowEngine, Beta, "small-cnn-28", Around(80))
            .Parity("small-cnn-28", PyTorchEngine, TensorFlowEngine, passed: false)
            .Training(PyTorchEngine, Alpha, "depth-2", Around(10))
            .Training(TensorFlowEngine, Beta, "depth-2", Around(20))
            .Parity("depth-2", TensorFlowEngine, PyTorchEngine, passed: true);

        var verdict = VerdictAnalysis.Compute(run.Build(), Priorities.Default);

        Assert.Equal(8.0, Performance(verdict, FrameworkFamily.TensorFlow).Exact!.Value, 9);
        var excluded = verdict.Evidence.OfType<MeasuredEvidence>().Single(e => e.Workload == "small-cnn-28");
        Assert.Equal(ComparisonUse.ExcludedParityFailed, excluded.Use);
        Assert.Null(excluded.PyTorchLog2Advantage);
        Assert.Contains("left out", excluded.Statement, StringComparison.Ordinal);
        Assert.Contains("1 left out", Performance(verdict, FrameworkFamily.TensorFlow).Basis, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_CountATie_When_TheIntervalIncludesOne()
    {
        // Medians 10 and 10.5: the bootstrap interval of the ratio spans 1, so it counts as a tie and both score 10.
        var run = new VerdictRun()
            .Training(PyTorchEngine, Alpha, "small-cnn-28", 9, 10, 12, 8, 11, 9.5, 10, 11.5, 8.5, 10.5)
            .Training(TensorFlowEngine, Beta, "small-cnn-28", 9.5, 10.5, 12.5, 8.5, 11.5, 10, 10.5, 12, 9, 11);

        var verdict = VerdictAnalysis.Compute(run.Build(), Priorities.Default);

        Assert.Equal(ComparisonUse.Tie, Assert.Single(verdict.Evidence.OfType<MeasuredEvidence>()).Use);
        Assert.Equal(10, Performance(verdict, FrameworkFamily.PyTorch).Value);
        Assert.Equal(10, Performance(verdict, FrameworkFamily.TensorFlow).Value);
    }

    [Fact]
    public void Should_LeaveOutTheComparison_When_ASideHasFewerSamplesThanAnIntervalNeeds()
    {
        // Five steps a side, 4x apart: a clear-looking ratio, but five samples give no 95% interval, so it is not counted.
        var run = new VerdictRun()
            .Training(PyTorchEngine, Alpha, "small-cnn-28", 9, 10, 12, 8, 11)
            .Training(TensorFlowEngine, Beta, "small-cnn-28", 36, 40, 48, 32, 44);

        var verdict = VerdictAnalysis.Compute(run.Build(), Priorities.Default);

        var evidence = Assert.Single(verdict.Evidence.OfType<MeasuredEvidence>());
        Assert.Equal(ComparisonUse.ExcludedNoInterval, evidence.Use);
        Assert.False(evidence.HasInterval);
        Assert.Null(evidence.Ratio.Low);
        Assert.Equal(4, evidence.Ratio.Ratio, 9);
        Assert.Contains("(ratio 4.000x (no interval));", evidence.Statement);
        Assert.Contains("left out because a side has fewer than 10 samples, so there is no interval", evidence.Statement);
    }

    [Fact]
    public void Should_NameTheWorkloadsTheFigureRestsOnAndThoseLeftOut_When_TheTrainingAnswerIsGiven()
    {
        var run = new VerdictRun()
            .Training(PyTorchEngine, Alpha, "depth-2", Around(10))
            .Training(TensorFlowEngine, Beta, "depth-2", Around(40))
            .Training(PyTorchEngine, Alpha, "depth-4", Around(20))
            .Training(TensorFlowEngine, Beta, "depth-4", Around(80))
            .Training(PyTorchEngine, Alpha, "depth-8", Around(40))
            .Training(TensorFlowEngine, Beta, "depth-8", 160, 150, 170, 165, 155);

        var train = VerdictAnalysis.Compute(run.Build(), Priorities.Default).Train;

        Assert.Contains(train.Sentences, s => s.Contains(
            "training step time: PyTorch 4.00x faster (geometric mean of 2 measured comparisons, on depth-2 and depth-4; " +
            "left out: depth-8 (too few samples for an interval): ", StringComparison.Ordinal));
    }

    [Fact]
    public void Should_BeUnknown_When_OnlyOneFamilyWasMeasured()
    {
        var run = new VerdictRun().Training(PyTorchEngine, Alpha, "small-cnn-28", Around(10));

        var verdict = VerdictAnalysis.Compute(run.Build(), Priorities.Default);

        var score = Performance(verdict, FrameworkFamily.PyTorch);
        Assert.True(score.IsUnknown);
        Assert.Null(score.Confidence);
        Assert.StartsWith("Unknown", score.Basis, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_BeUnknown_When_TheOnlyComparisonHasNoInterval()
    {
        var run = new VerdictRun()
            .Training(PyTorchEngine, Alpha, "small-cnn-28", 10)
            .Training(TensorFlowEngine, Beta, "small-cnn-28", Around(40));

        var verdict = VerdictAnalysis.Compute(run.Build(), Priorities.Default);

        Assert.True(Performance(verdict, FrameworkFamily.TensorFlow).IsUnknown);
        Assert.Equal(ComparisonUse.ExcludedNoInterval, Assert.Single(verdict.Evidence.OfType<MeasuredEvidence>()).Use);
    }

    [Fact]
    public void Should_GuessTheFamilyFromTheEngineId_When_ResultsPredateFamilies()
    {
        var torch = Alpha with { Id = "torchsharp" };
        var tfjs = Beta with { Id = "tfjs" };
        var run = new VerdictRun()
            .WithEngines(new("torchsharp", true, "ready", null), new("tfjs", true, "ready", null))
            .Training("torchsharp", torch, "small-cnn-28", Around(10))
            .Training("tfjs", tfjs, "small-cnn-28", Around(40));

        var verdict = VerdictAnalysis.Compute(run.Build(), Priorities.Default);

        Assert.Equal(6, Performance(verdict, FrameworkFamily.TensorFlow).Value);
        var evidence = Assert.Single(verdict.Evidence.OfType<MeasuredEvidence>());
        Assert.True(evidence.Faster.FamilyFromEngineName);
        Assert.Equal(FrameworkFamily.PyTorch, evidence.Faster.Family);
    }

    [Fact]
    public void Should_NameBackendAndDevice_When_TheWorkerReportedThem()
    {
        var run = new VerdictRun()
            .Training(PyTorchEngine, Alpha, "small-cnn-28", Around(10))
            .Training(TensorFlowEngine, Beta, "small-cnn-28", Around(40));

        var verdict = VerdictAnalysis.Compute(run.Build(), Priorities.Default);

        var evidence = Assert.Single(verdict.Evidence.OfType<MeasuredEvidence>());

        Assert.Equal("webgl", evidence.Slower.Backend);
        Assert.Equal("llvmpipe (software-gpu)", evidence.Slower.Device);
        Assert.Null(evidence.Faster.Device);
        Assert.Contains("beta on webgl, llvmpipe (software-gpu)", evidence.Statement, StringComparison.Ordinal);
    }

    private static Score Performance(FrameworkVerdict verdict, FrameworkFamily family) =>
        verdict.FeatureScores.Single(f => f.Family == family && f.Feature == Feature.Performance).Score;
}
