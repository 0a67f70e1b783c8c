using Versus.Core.Data;
using Versus.Core.Parity;
using Xunit.Abstractions;

namespace Versus.Engines.Tfjs.Tests;

/// <summary>
/// The first training losses from the same weights on the same batches in the same order must agree with TorchSharp's
/// within the parity report's tolerance: the optimizer mapping (tf.train.momentum = PyTorch SGD; Adam), the loss and
/// the gradient path through every converted layer.
/// </summary>
public sealed class TrainingParityTests(ITestOutputHelper output)
{
    private const uint OrderSeed = 5;

    [SkippableTheory]
    [InlineData(nameof(TrainingSpecs.SgdFlatten), "tfjs:cpu")]
    [InlineData(nameof(TrainingSpecs.AdamResidual), "tfjs:cpu")]
    [InlineData(nameof(TrainingSpecs.SgdFlatten), "tfjs:webgl")]
    [InlineData(nameof(TrainingSpecs.AdamResidual), "tfjs:webgl")]
    [InlineData(nameof(TrainingSpecs.SgdFlatten), "tfjs:webgpu")]
    [InlineData(nameof(TrainingSpecs.AdamResidual), "tfjs:webgpu")]
    [InlineData(nameof(TrainingSpecs.ManyClasses), "tfjs:cpu")]
    [InlineData(nameof(TrainingSpecs.ManyClasses), "tfjs:webgl")]
    public async Task Should_MatchTorchSharpLosses_When_TrainingTheSameBatches(string specName, string engine)
    {
        TfjsTestEnvironment.RequireEngine(engine);
        var spec = TestSpecs.Inline(specName switch
        {
            nameof(TrainingSpecs.SgdFlatten) => TrainingSpecs.SgdFlatten,
            nameof(TrainingSpecs.AdamResidual) => TrainingSpecs.AdamResidual,
            _ => TrainingSpecs.ManyClasses,
        });
        var (weights, path) = TfjsTestEnvironment.Weights(spec);
        var steps = LossComparison.Steps;
        var batch = spec.Training.BatchSize;
        var data = TfjsTestEnvironment.Generated(train: steps * batch, test: 16);
        if (spec.Classes > 256)
            Assert.Contains(DatasetLoader.Load(data, spec.Input, spec.Classes).Train.Labels, l => l > 255);

        using var torch = TfjsTestEnvironment.TorchSharp(spec, weights, data);
        var order = EpochOrder.Permutation(OrderSeed, 0, steps * batch);
        var expected = Enumerable.Range(0, steps).Select(k => torch.TrainStep(order.AsSpan(k * batch, batch))).ToArray();
        await using var worker = await TfjsWorker.PreparedAsync(spec, path, data, TfjsEngineProvider.For(engine));
        var actual = (await worker.TrainAsync(0, 0, steps, OrderSeed)).Losses;

        var outcome = LossComparison.Compare(expected, actual, "torchsharp", engine);
        output.WriteLine($"{spec.Id} on {engine}: losses {expected[0]:f4} -> {expected[^1]:f4}; max |tfjs - torchsharp| = {outcome.MaxAbsDifference:g3}");
        Assert.Equal(steps, actual.Length);
        Assert.True(outcome.Passed, $"{outcome.Reason}: torchsharp [{string.Join(", ", expected.Select(l => l.ToString("f5")))}], tfjs [{string.Join(", ", actual.Select(l => l.ToString("f5")))}]");
        // Losses that did not move would not exercise the optimizer.
        Assert.True(Math.Abs(expected[0] - expected[^1]) > 1e-3, "training did not change the loss");
    }

    [SkippableFact]
    public async Task Should_RepeatTheFirstLosses_When_ResetAfterTraining()
    {
        TfjsTestEnvironment.RequireEngine();
        var spec = TestSpecs.Inline(TrainingSpecs.SgdFlatten);
        var (_, path) = TfjsTestEnvironment.Weights(spec);
        await using var worker = await TfjsWorker.PreparedAsync(spec, path, TfjsTestEnvironment.Generated(train: 48, test: 8), TfjsEngineProvider.For("tfjs:cpu"));

        var first = (await worker.TrainAsync(0, 0, 4, OrderSeed)).Losses;
        await worker.ResetAsync();
        var again = (await worker.TrainAsync(0, 0, 4, OrderSeed)).Losses;

        Assert.Equal(first, again);
        Assert.NotEqual(first[0], first[^1]);
    }
}
