using Versus.Core.Engines;
using Versus.Core.Results;
using Versus.Reports.Cited;
using Versus.Reports.Verdict;
using static Versus.Reports.Tests.Verdict.VerdictRun;

namespace Versus.Reports.Tests.Verdict;

/// <summary>
/// Rubric 1, deployment: documented support gives 2 (first-party) or 1 (add-on, another project's tool); a probe passed
/// here adds 1 (at least 2), a failed one takes 1 off. Expected values below follow that rule and the embedded facts.
/// </summary>
public sealed class DeploymentScoreTests
{
    [Theory]
    // TensorFlow: LiteRT (first-party) 2; LiteRT Micro 2; TF Serving 2, its probe not exercised; TF.js 2 + passed = 3;
    // Cloud TPU 2; tf2onnx is another project's tool: 1.
    [InlineData(FrameworkFamily.TensorFlow, DeploymentTarget.Mobile, 2, Confidence.Medium)]
    [InlineData(FrameworkFamily.TensorFlow, DeploymentTarget.Edge, 2, Confidence.Medium)]
    [InlineData(FrameworkFamily.TensorFlow, DeploymentTarget.Server, 2, Confidence.Medium)]
    [InlineData(FrameworkFamily.TensorFlow, DeploymentTarget.Browser, 3, Confidence.High)]
    [InlineData(FrameworkFamily.TensorFlow, DeploymentTarget.Tpu, 2, Confidence.Medium)]
    [InlineData(FrameworkFamily.TensorFlow, DeploymentTarget.OnnxInterop, 1, Confidence.Low)]
    // PyTorch: ExecuTorch 2; ExecuTorch 2 + ONNX Runtime edge probe passed = 3; TorchServe 2 + passed = 3;
    // onnxruntime-web 1 + passed = 2; PyTorch/XLA add-on 1; torch.onnx 2 + passed = 3.
    [InlineData(FrameworkFamily.PyTorch, DeploymentTarget.Mobile, 2, Confidence.Medium)]
    [InlineData(FrameworkFamily.PyTorch, DeploymentTarget.Edge, 3, Confidence.High)]
    [InlineData(FrameworkFamily.PyTorch, DeploymentTarget.Server, 3, Confidence.High)]
    [InlineData(FrameworkFamily.PyTorch, DeploymentTarget.Browser, 2, Confidence.High)]
    [InlineData(FrameworkFamily.PyTorch, DeploymentTarget.Tpu, 1, Confidence.Low)]
    [InlineData(FrameworkFamily.PyTorch, DeploymentTarget.OnnxInterop, 3, Confidence.High)]
    public void Should_ScoreEachTarget_When_TheTypicalProbesRan(FrameworkFamily family, DeploymentTarget target, int expected,
        Confidence confidence)
    {
        var verdict = VerdictAnalysis.Compute(new VerdictRun().TypicalProbes().Build(), Priorities.Default);

        var score = Strength(verdict, family, target).Score;
        Assert.Equal(expected, score.Value);
        Assert.Equal(confidence, score.Confidence);
    }

    [Fact]
    public void Should_ScoreTheDeploymentFeatureFromTheStrengths_When_TheTypicalProbesRan()
    {
        // TensorFlow 2+2+2+3+2+1 = 12 of 18 -> 6.67 -> 7; PyTorch 2+3+3+2+1+3 = 14 of 18 -> 7.78 -> 8.
        var verdict = VerdictAnalysis.Compute(new VerdictRun().TypicalProbes().Build(), Priorities.Default);

        var tensorflow = ScoreOf(verdict, FrameworkFamily.TensorFlow, Feature.Deployment);
        var pytorch = ScoreOf(verdict, FrameworkFamily.PyTorch, Feature.Deployment);
        Assert.Equal(7, tensorflow.Value);
        Assert.Equal(10.0 * 12 / 18, tensorflow.Exact!.Value, 9);
        Assert.Equal(8, pytorch.Value);
        Assert.Equal(10.0 * 14 / 18, pytorch.Exact!.Value, 9);
    }

    [Fact]
    public void Should_TakeAPointOff_When_TheProbeFailedHere()
    {
        // TF.js first-party 2, the browser probe failed: 2 - 1 = 1.
        var run = new VerdictRun()
            .Probe(DeploymentTarget.Browser, "beta-layers-model", DeploymentStatus.Failed, FrameworkFamily.TensorFlow);

        var verdict = VerdictAnalysis.Compute(run.Build(), Priorities.Default);

        Assert.Equal(1, Strength(verdict, FrameworkFamily.TensorFlow, DeploymentTarget.Browser).Score.Value);
    }

    [Fact]
    public void Should_CreditNoFramework_When_AnOnnxProbeRanWithoutAPassedInterop()
    {
        // No interop probe passed: the ONNX browser probe is nobody's, so PyTorch keeps onnxruntime-web's documented 1.
        var run = new VerdictRun().Probe(DeploymentTarget.Browser, "gamma-web", DeploymentStatus.Passed, FrameworkFamily.Onnx);

        var verdict = VerdictAnalysis.Compute(run.Build(), Priorities.Default);

        Assert.Equal(1, Strength(verdict, FrameworkFamily.PyTorch, DeploymentTarget.Browser).Score.Value);
        Assert.Null(Assert.Single(verdict.Evidence.OfType<ExercisedEvidence>()).Family);
    }

    [Fact]
    public void Should_BeUnknown_When_NoSourceAndNoProbeSpeaksForTheTarget()
    {
        var none = new EvidenceSources(1, "none", []);
        var run = new VerdictRun()
            .Probe(DeploymentTarget.Server, "beta (Node)", DeploymentStatus.NotExercised, FrameworkFamily.TensorFlow);

        var verdict = VerdictAnalysis.Compute(run.Build(), Priorities.Default, none, CitedFacts.Load());

        var server = Strength(verdict, FrameworkFamily.TensorFlow, DeploymentTarget.Server).Score;
        Assert.True(server.IsUnknown);
        Assert.NotEmpty(server.EvidenceIds);
        Assert.All(verdict.DeploymentStrengths, s => Assert.True(s.Score.IsUnknown));
        Assert.True(ScoreOf(verdict, FrameworkFamily.PyTorch, Feature.Deployment).IsUnknown);
        Assert.True(ScoreOf(verdict, FrameworkFamily.TensorFlow, Feature.Community).IsUnknown);
    }

    [Fact]
    public void Should_ScoreZero_When_AProbeFailedAndNoSourceDocumentsTheTarget()
    {
        var none = new EvidenceSources(1, "none", []);
        var run = new VerdictRun()
            .Probe(DeploymentTarget.Server, PyTorchEngine, DeploymentStatus.Failed, FrameworkFamily.PyTorch);

        var verdict = VerdictAnalysis.Compute(run.Build(), Priorities.Default, none, CitedFacts.Load());

        Assert.Equal(0, Strength(verdict, FrameworkFamily.PyTorch, DeploymentTarget.Server).Score.Value);
    }

    [Fact]
    public void Should_ScoreCommunityFromSharedSources_When_OnlyTheSurveyGivesBoth()
    {
        // Stack Overflow 2023: TensorFlow 8.4 / 8.4 -> 10; PyTorch 7.9 / 8.4 -> 9.40 -> 9. The NeurIPS share is one-sided.
        var verdict = VerdictAnalysis.Compute(new VerdictRun().Build(), Priorities.Default);

        var tensorflow = ScoreOf(verdict, FrameworkFamily.TensorFlow, Feature.Community);
        var pytorch = ScoreOf(verdict, FrameworkFamily.PyTorch, Feature.Community);
        Assert.Equal(10, tensorflow.Value);
        Assert.Equal(9, pytorch.Value);
        Assert.Equal(10 * 7.9 / 8.4, pytorch.Exact!.Value, 9);
        Assert.Equal(Confidence.Low, pytorch.Confidence);
        Assert.Contains("community.paperswithcode-2023-neurips.pytorch", pytorch.EvidenceIds);
    }

    [Fact]
    public void Should_LeaveUsabilityUnknown_When_RubricOneHasNoCheckForIt()
    {
        var verdict = VerdictAnalysis.Compute(new VerdictRun().TypicalProbes().Build(), Priorities.Default);

        Assert.True(ScoreOf(verdict, FrameworkFamily.PyTorch, Feature.Usability).IsUnknown);
        var usability = verdict.FeatureScores.Single(f => f.Family == FrameworkFamily.PyTorch && f.Feature == Feature.Usability);
        Assert.Equal(9, usability.DeckValue);
    }

    [Fact]
    public void Should_SetTheDecksValueBeside_When_TheDeckRatesTheTarget()
    {
        var verdict = VerdictAnalysis.Compute(new VerdictRun().Build(), Priorities.Default);

        Assert.Equal(1, Strength(verdict, FrameworkFamily.PyTorch, DeploymentTarget.Browser).DeckValue);
        Assert.Equal(1, Strength(verdict, FrameworkFamily.PyTorch, DeploymentTarget.Edge).DeckValue);
        Assert.Equal(2, Strength(verdict, FrameworkFamily.TensorFlow, DeploymentTarget.OnnxInterop).DeckValue);
    }

    private static DeploymentStrength Strength(FrameworkVerdict verdict, FrameworkFamily family, DeploymentTarget target) =>
        verdict.DeploymentStrengths.Single(s => s.Family == family && s.Target == target);

    private static Score ScoreOf(FrameworkVerdict verdict, FrameworkFamily family, Feature feature) =>
        verdict.FeatureScores.Single(f => f.Family == family && f.Feature == feature).Score;
}
