using Versus.Core.Engines;
using Versus.Core.Results;
using Versus.Reports.Verdict;
using static Versus.Reports.Tests.Verdict.VerdictRun;

namespace Versus.Reports.Tests.Verdict;

/// <summary>
/// One run, worked by hand (docs/scoring.md, recommendation). PyTorch trains and infers 4x faster: speed values PyTorch 1,
/// TensorFlow 0.6. Strengths (of 3): browser PyTorch 2 (onnxruntime-web 1 + passed), TensorFlow 3 (TF.js 2 + passed);
/// ONNX interop PyTorch 3, TensorFlow 1; TPU PyTorch 1, TensorFlow 2; mobile, edge, server 2 each. Community (of 10):
/// PyTorch 10 x 7.9 / 8.4, TensorFlow 10; usability unknown.
/// </summary>
public sealed class RecommendationTests
{
    [Fact]
    public void Should_DeployWithPyTorch_When_TheProfileIsResearch()
    {
        // inference-latency 1 x (1 - 0.6) + interop 1 x (1 - 1/3) = 0.4 + 0.667 = 1.067 for PyTorch.
        var deploy = Compute("research").Deploy;

        Assert.Equal(RecommendationOutcome.Chosen, deploy.Outcome);
        Assert.Equal(FrameworkFamily.PyTorch, deploy.Family);
        Assert.Equal(2.0, deploy.PyTorchScore, 9);
        Assert.Equal(0.6 + (1.0 / 3), deploy.TensorFlowScore, 9);
        // Raising browser (difference -1/3) from 0 by 1.067 / (1/3) = 3.2 levels the margin; TPU ties it but comes later.
        Assert.Equal(Priority.Browser, deploy.Sensitivity!.Priority);
        Assert.Equal(3.2, deploy.Sensitivity.ThresholdWeight!.Value, 9);
        Assert.Equal(FrameworkFamily.TensorFlow, deploy.Sensitivity.WouldChoose);
    }

    [Fact]
    public void Should_DeployWithTensorFlow_When_TheProfileIsBrowserApp()
    {
        // browser 3 x (2/3 - 1) + inference-latency 2 x 0.4 = -1 + 0.8 = -0.2; cold start is unmeasured, so unused.
        var deploy = Compute("browser-app").Deploy;

        Assert.Equal(FrameworkFamily.TensorFlow, deploy.Family);
        Assert.Equal(4.0, deploy.PyTorchScore, 9);
        Assert.Equal(4.2, deploy.TensorFlowScore, 9);
        Assert.Contains(TensorFlowEngine, deploy.Engine, StringComparison.Ordinal);
        Assert.False(deploy.Contributions.Single(c => c.Priority == Priority.ColdStart).Used);
    }

    [Fact]
    public void Should_ReportTheSmallestWeightChangeThatFlipsIt_When_TheProfileIsBrowserApp()
    {
        // Margin -0.2. Latency: +0.2 / 0.4 = +0.5 (to 2.5); browser: -0.6 (to 2.4); interop: +0.2 / (2/3) = +0.3 (to 0.3).
        var sensitivity = Compute("browser-app").Deploy.Sensitivity!;

        Assert.Equal(Priority.Interop, sensitivity.Priority);
        Assert.Equal(0, sensitivity.CurrentWeight);
        Assert.Equal(0.3, sensitivity.ThresholdWeight!.Value, 9);
        Assert.Equal(FrameworkFamily.PyTorch, sensitivity.WouldChoose);
        Assert.StartsWith("Raising the interop weight above 0.3 (now 0) would choose PyTorch", sensitivity.Statement,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Should_FlipTheAnswer_When_TheWeightPassesTheReportedThreshold()
    {
        var below = Compute("browser=3,inference-latency=2,cold-start=2,training-speed=1,interop=0.29").Deploy;
        var above = Compute("browser=3,inference-latency=2,cold-start=2,training-speed=1,interop=0.31").Deploy;

        Assert.Equal(FrameworkFamily.TensorFlow, below.Family);
        Assert.Equal(FrameworkFamily.PyTorch, above.Family);
    }

    [Fact]
    public void Should_TrainWithPyTorch_When_ItTrainsFourTimesFaster()
    {
        // research: training-speed 3 x 0.4 + community 2 x (7.9/8.4 - 1) = 1.2 - 0.119 = 1.081; usability unknown, unused.
        var train = Compute("research").Train;

        Assert.Equal(FrameworkFamily.PyTorch, train.Family);
        Assert.Equal(3 + (2 * 7.9 / 8.4), train.PyTorchScore, 9);
        Assert.Equal(3 * 0.6 + 2, train.TensorFlowScore, 9);
        Assert.Equal(PyTorchEngine + " on cpu", train.Engine);
        Assert.Contains("training-speed, weight 3 (training step time: PyTorch", train.Sentences[1], StringComparison.Ordinal);
        Assert.InRange(train.Sentences.Count, 2, 3);
    }

    [Fact]
    public void Should_NameTheFigureThatFlipsIt_When_ItsLeadShrinksPastTheReportedRatio()
    {
        // research: margin 1.081 = 3 x (0.2 log2 r) - 0.119, so 0 at 0.2 log2 r = 0.0397: r = 2^0.198 = 1.15x.
        var train = Compute("research").Train;

        Assert.Contains("; of the figures, the answer turns to TensorFlow past PyTorch 1.15x faster in training step time " +
            "(now PyTorch 4.00x faster).", train.Sensitivity!.Statement, StringComparison.Ordinal);
        Assert.Equal(FrameworkFamily.PyTorch, TrainingAt(10 * 1.25).Family);
        Assert.Equal(FrameworkFamily.TensorFlow, TrainingAt(10 * 1.10).Family);
    }

    /// <summary>The research answer when TensorFlow's step is <paramref name="tensorFlowMs"/> against PyTorch's 10 ms, all else as in <see cref="Compute"/>.</summary>
    private static Recommendation TrainingAt(double tensorFlowMs)
    {
        var run = new VerdictRun()
            .Training(PyTorchEngine, Alpha, "small-cnn-28", [.. Enumerable.Range(0, 40).Select(i => 10 + (i % 2 == 0 ? 0.01 : -0.01))])
            .Training(TensorFlowEngine, Beta, "small-cnn-28", [.. Enumerable.Range(0, 40).Select(i => tensorFlowMs + (i % 2 == 0 ? 0.01 : -0.01))])
            .Parity("small-cnn-28", PyTorchEngine, TensorFlowEngine, passed: true);
        return VerdictAnalysis.Compute(run.Build(), Priorities.Parse("research").Priorities!).Train;
    }

    [Fact]
    public void Should_CallATie_When_TheWeightedEvidenceIsLevel()
    {
        // Add ONNX Runtime (credited to PyTorch: the interop probe passed) at 0.5 ms, 8x TensorFlow's 4 ms. Latency: mean of
        // log2 4 and log2 8 = 2.5 doublings, TensorFlow 10 - 5 = 5 -> 0.5. browser-app: browser 3 x (2/3 - 1) = -1,
        // inference-latency 2 x (1 - 0.5) = +1: level, 4 each.
        var run = new VerdictRun()
            .Latency(PyTorchEngine, Alpha, "small-cnn-28", Around(1))
            .Latency(TensorFlowEngine, Beta, "small-cnn-28", Around(4))
            .Latency(OnnxEngine, Gamma, "small-cnn-28", Around(0.5))
            .TypicalProbes();

        var deploy = VerdictAnalysis.Compute(run.Build(), Priorities.Parse("browser-app").Priorities!).Deploy;

        Assert.Equal(RecommendationOutcome.Tie, deploy.Outcome);
        Assert.Null(deploy.Family);
        Assert.Equal(4.0, deploy.PyTorchScore, 9);
        Assert.Equal(4.0, deploy.TensorFlowScore, 9);
    }

    [Fact]
    public void Should_NameTheWeightedPrioritiesLeftOut_When_NoEngineTrained()
    {
        // A ResNet-18 quick run: every engine's training skipped, so the training answer rests on the cited community
        // figures alone (PyTorch 10 x 7.9 / 8.4, TensorFlow 10), and must say that training speed did not count.
        var run = new VerdictRun()
            .Latency(PyTorchEngine, Alpha, "small-cnn-28", Around(1))
            .Latency(TensorFlowEngine, Beta, "small-cnn-28", Around(4))
            .TypicalProbes();

        var train = VerdictAnalysis.Compute(run.Build(), Priorities.Parse("balanced").Priorities!).Train;

        Assert.Equal(FrameworkFamily.TensorFlow, train.Family);
        Assert.Equal("Decided by community, weight 1 (community: PyTorch 9.4/10, TensorFlow 10/10); not counted, without evidence "
            + "for both frameworks: training-speed (weight 1), usability (weight 1).", train.Sentences[1]);
        Assert.InRange(train.Sentences.Count, 2, 3);
    }

    [Fact]
    public void Should_SayInsufficientEvidence_When_NoWeightedPriorityHasEvidenceForBoth()
    {
        var verdict = Compute("cold-start");

        Assert.Equal(RecommendationOutcome.InsufficientEvidence, verdict.Deploy.Outcome);
        Assert.Null(verdict.Deploy.Family);
        Assert.Contains("cold-start", Assert.Single(verdict.Deploy.Sentences), StringComparison.Ordinal);
        Assert.Equal(RecommendationOutcome.InsufficientEvidence, verdict.Train.Outcome);
    }

    [Fact]
    public void Should_GiveTheSameVerdict_When_ComputedTwiceFromTheSameEvidence()
    {
        var first = Compute("browser-app");
        var second = Compute("browser-app");

        Assert.Equal(Flatten(first), Flatten(second));
    }

    [Fact]
    public void Should_StateWhatRanForTensorFlow_When_NoNativeKernelsRan()
    {
        var caveat = Compute("research").NativeTensorFlow;

        Assert.False(caveat.NativeKernelsRan);
        Assert.Equal(["TensorFlow.js 4.22.0, backend webgl, device llvmpipe (software-gpu)"], caveat.TensorFlowRuns);
        Assert.StartsWith("No native TensorFlow kernels ran here", caveat.Statement, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_SayNativeKernelsRan_When_AnEngineReportedTheTensorflowBackend()
    {
        var native = Beta with { Backend = "tensorflow", Details = new Dictionary<string, string>() };
        var run = new VerdictRun().Training(TensorFlowEngine, native, "small-cnn-28", Around(40));

        var caveat = VerdictAnalysis.Compute(run.Build(), Priorities.Default).NativeTensorFlow;

        Assert.True(caveat.NativeKernelsRan);
        Assert.Equal(["TensorFlow.js 4.22.0, backend tensorflow"], caveat.TensorFlowRuns);
    }

    private static FrameworkVerdict Compute(string priorities)
    {
        var run = new VerdictRun()
            .Training(PyTorchEngine, Alpha, "small-cnn-28", Around(10))
            .Training(TensorFlowEngine, Beta, "small-cnn-28", Around(40))
            .Latency(PyTorchEngine, Alpha, "small-cnn-28", Around(1))
            .Latency(TensorFlowEngine, Beta, "small-cnn-28", Around(4))
            .Parity("small-cnn-28", PyTorchEngine, TensorFlowEngine, passed: true)
            .Probe(DeploymentTarget.OnnxInterop, "alpha-to-gamma", DeploymentStatus.Passed, FrameworkFamily.PyTorch,
                MetricNames.DeployInteropMaxDiff, 2e-7)
            .Probe(DeploymentTarget.Browser, "beta-layers-model", DeploymentStatus.Passed, FrameworkFamily.TensorFlow,
                MetricNames.DeployBrowserMaxDiff, 5e-7)
            .Probe(DeploymentTarget.Browser, "gamma-web", DeploymentStatus.Passed, FrameworkFamily.Onnx,
                MetricNames.DeployBrowserMaxDiff, 1e-6);
        var parsed = Priorities.Parse(priorities);
        Assert.True(parsed.IsValid, string.Join("; ", parsed.Errors));
        return VerdictAnalysis.Compute(run.Build(), parsed.Priorities!);
    }

    private static IReadOnlyList<string> Flatten(FrameworkVerdict verdict) =>
    [
        .. verdict.Evidence.Select(e => $"{e.Kind} {e.Id} {e.Statement}"),
        .. verdict.FeatureScores.Select(f => $"{f.Family} {f.Feature} {f.Score.Exact} {f.Score.Confidence} {f.Score.Basis}"),
        .. verdict.DeploymentStrengths.Select(s =>
            $"{s.Family} {s.Target} {s.Score.Exact} {s.Score.Confidence} {s.Score.Basis}"),
        .. verdict.Contradictions.Select(c => c.Statement),
        .. verdict.Train.Sentences,
        .. verdict.Deploy.Sentences,
        verdict.NativeTensorFlow.Statement,
    ];
}
