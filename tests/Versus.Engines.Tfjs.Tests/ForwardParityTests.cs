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

    [SkippableTheory]
    [InlineData("depth.json", 16, "tfjs:cpu")]
    [InlineData("cnn-64.json", null, "tfjs:cpu")]
    [InlineData("depth.json", 16, "tfjs:webgl")]
    public async Task Should_MatchTrainedTorchSharp_When_LoadingTheStateItSaved(string file, int? family, string engine)
    {
        TfjsTestEnvironment.RequireEngine(engine);
        var spec = TestSpecs.File(file, family);
        var (weights, path) = TfjsTestEnvironment.Weights(spec);
        var data = TfjsTestEnvironment.Generated(train: 3 * spec.Training.BatchSize, test: 16);
        var indices = ParityProbe.DefaultIndices;
        using var torch = TfjsTestEnvironment.TorchSharp(spec, weights, data);
        var initial = torch.Predict(indices);
        for (var step = 0; step < 3; step++) torch.TrainStep([.. Enumerable.Range(step * spec.Training.BatchSize, spec.Training.BatchSize)]);
        var trained = TfjsTestEnvironment.Write(spec, torch.ExportWeights());
        var expected = torch.Predict(indices);

        await using var worker = await TfjsWorker.PreparedAsync(spec, path, data, TfjsEngineProvider.For(engine));
        await worker.LoadAsync(trained);
        var actual = await worker.PredictAsync(indices);

        var outcome = LogitComparison.Compare(new ParityProbe(indices, spec.Classes, expected),
            new ParityProbe(indices, spec.Classes, actual), "torchsharp", engine);
        output.WriteLine($"{spec.Id} {engine} after 3 steps: max |tfjs - torchsharp| = {outcome.MaxAbsDifference:g3}");
        Assert.True(outcome.Passed, $"{spec.Id} trained: {outcome.Reason}");
        // Training must have moved the logits, or agreeing on them would prove nothing about the trained state.
        Assert.True(initial.Zip(expected, (a, b) => Math.Abs(a - b)).Max() > 1e-2, "training did not move the logits");
    }

    // Small specs: the JavaScript cpu kernels train them in well under a second a step (small-cnn-28 takes minutes here).
    [SkippableTheory]
    [InlineData(TrainingSpecs.SgdFlatten, "tfjs:cpu")]
    [InlineData(TrainingSpecs.AdamResidual, "tfjs:cpu")]
    public async Task Should_GiveTorchSharpItsLogits_When_SavingTheStateItTrained(string json, string engine)
    {
        TfjsTestEnvironment.RequireEngine(engine);
        var spec = TestSpecs.Inline(json);
        var (weights, path) = TfjsTestEnvironment.Weights(spec);
        var data = TfjsTestEnvironment.Generated(train: 2 * spec.Training.BatchSize, test: 16);
        var indices = ParityProbe.DefaultIndices;
        await using var worker = await TfjsWorker.PreparedAsync(spec, path, data, TfjsEngineProvider.For(engine));
        await worker.TrainAsync(0, 0, 2, 5);
        var expected = await worker.PredictAsync(indices);
        var saved = TfjsTestEnvironment.ScratchFile(".safetensors");

        await worker.SaveAsync(saved);
        using var torch = TfjsTestEnvironment.TorchSharp(spec, weights, data);
        torch.LoadWeights(Versus.Core.Weights.SafeTensorsFile.Read(saved));
        var actual = torch.Predict(indices);

        var outcome = LogitComparison.Compare(new ParityProbe(indices, spec.Classes, expected),
            new ParityProbe(indices, spec.Classes, actual), engine, "torchsharp");
        Assert.True(outcome.Passed, $"{spec.Id} trained in {engine}: {outcome.Reason}");
    }
}
