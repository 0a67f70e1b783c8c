using Versus.Core.Parity;
using Xunit.Abstractions;

namespace Versus.Engines.Tfjs.Tests;

/// <summary>
/// Same spec, same initial weights, same test images: TensorFlow.js (channels-last, converted weights) and TorchSharp
/// must give the same logits within the tolerance the parity report uses. This is the end-to-end check of the layout
/// conversion, the explicit padding and the batch-norm mapping.
/// </summary>
public sealed class ForwardParityTests(ITestOutputHelper output)
{
    [SkippableTheory]
    [InlineData("small-cnn-28.json", null, "tfjs:cpu")]
    [InlineData("cnn-64.json", null, "tfjs:cpu")]
    [InlineData("depth.json", 2, "tfjs:cpu")]
    [InlineData("small-cnn-28.json", null, "tfjs:wasm")]
    [InlineData("cnn-64.json", null, "tfjs:wasm")]
    [InlineData("depth.json", 2, "tfjs:wasm")]
    [InlineData("small-cnn-28.json", null, "tfjs:webgl")]
    [InlineData("cnn-64.json", null, "tfjs:webgl")]
    [InlineData("depth.json", 2, "tfjs:webgl")]
    [InlineData("small-cnn-28.json", null, "tfjs:webgpu")]
    [InlineData("cnn-64.json", null, "tfjs:webgpu")]
    [InlineData("depth.json", 2, "tfjs:webgpu")]
    public async Task Should_MatchTorchSharpLogits_When_StartingFromTheSameWeights(string file, int? family, string engine)
    {
        TfjsTestEnvironment.RequireEngine(engine);
        var spec = TestSpecs.File(file, family);
        var (weights, path) = TfjsTestEnvironment.Weights(spec);
        var data = TfjsTestEnvironment.Generated(train: 16, test: 16);
        var indices = ParityProbe.DefaultIndices;

        using var torch = TfjsTestEnvironment.TorchSharp(spec, weights, data);
        var expected = torch.Predict(indices);
        await using var worker = await TfjsWorker.PreparedAsync(spec, path, data, TfjsEngineProvider.For(engine));
        var actual = await worker.PredictAsync(indices);

        var outcome = LogitComparison.Compare(new ParityProbe(indices, spec.Classes, expected),
            new ParityProbe(indices, spec.Classes, actual), "torchsharp", engine);
        output.WriteLine($"{spec.Id} {engine}: max |tfjs - torchsharp| = {outcome.MaxAbsDifference:g3}");
        Assert.True(outcome.Passed, $"{spec.Id}: {outcome.Reason}");
        // Logits that all agree because they are all zero would prove nothing.
        Assert.True(expected.Max(Math.Abs) > 1e-3, "the reference logits are degenerate");
    }
}
