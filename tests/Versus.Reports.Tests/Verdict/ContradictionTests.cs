using Versus.Core.Engines;
using Versus.Core.Results;
using Versus.Reports.Verdict;
using static Versus.Reports.Tests.Verdict.VerdictRun;

namespace Versus.Reports.Tests.Verdict;

public sealed class ContradictionTests
{
    [Fact]
    public void Should_ContradictTheDeck_When_APyTorchModelRanInTheBrowserThroughOnnx()
    {
        var verdict = VerdictAnalysis.Compute(new VerdictRun().TypicalProbes().Build(), Priorities.Default);

        var browser = verdict.Contradictions
            .Single(c => c.Family == FrameworkFamily.PyTorch && c.Target == DeploymentTarget.Browser);
        Assert.Equal(1, browser.DeckValue);
        Assert.Equal(2, browser.EvidenceValue);
        Assert.Equal(
            "The deck rates PyTorch 1/3 for the browser; here a PyTorch-trained model ran in the browser (headless Chromium) " +
            "through ONNX (gamma-web (Chromium, wasm)), logits within 1E-06 of the training engine's, so the evidence " +
            "gives 2/3.",
            browser.Statement);
    }

    [Fact]
    public void Should_ContradictOnlyWhereAProbeRanHere_When_TheTypicalProbesRan()
    {
        // Exercised and different from the deck: PyTorch edge (deck 1, here 3), server (2, here 3), browser (1, here 2).
        // TensorFlow's TPU (deck 3, here 2) and ONNX (deck 2, here 1) rest on citations only: no contradiction.
        var verdict = VerdictAnalysis.Compute(new VerdictRun().TypicalProbes().Build(), Priorities.Default);

        Assert.Equal(
            [(FrameworkFamily.PyTorch, DeploymentTarget.Server), (FrameworkFamily.PyTorch, DeploymentTarget.Edge),
                (FrameworkFamily.PyTorch, DeploymentTarget.Browser)],
            verdict.Contradictions.Select(c => (c.Family, c.Target!.Value)));
    }

    [Fact]
    public void Should_ContradictTheDecksPerformance_When_TheMeasuredRatiosDisagree()
    {
        // TensorFlow 8x slower: 3 doublings, 10 - 6 = 4 against the deck's 8.
        var run = new VerdictRun()
            .Training(PyTorchEngine, Alpha, "small-cnn-28", Around(10))
            .Training(TensorFlowEngine, Beta, "small-cnn-28", Around(80));

        var verdict = VerdictAnalysis.Compute(run.Build(), Priorities.Default);

        var performance = Assert.Single(verdict.Contradictions);
        Assert.Equal((FrameworkFamily.TensorFlow, Feature.Performance, 8, 4), (performance.Family, performance.Feature!.Value,
            performance.DeckValue, performance.EvidenceValue));
    }
}
