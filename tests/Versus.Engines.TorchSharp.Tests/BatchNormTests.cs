using Versus.Core.Weights;

namespace Versus.Engines.TorchSharp.Tests;

/// <summary>Batch norm on the raw input, so its running statistics and evaluation output can be computed by hand.</summary>
public sealed class BatchNormTests
{
    private const int Channels = 3;
    private const int Pixels = 8 * 8;

    [Fact]
    public void Should_UpdateRunningStatisticsWithMomentum_When_Training()
    {
        var spec = TestSpecs.Inline(InlineSpecs.NormFirst);
        var data = TestWorkloads.Data(spec, train: 16, test: 4);
        using var engine = TestWorkloads.Prepared(spec, TestWorkloads.Weights(spec), data);
        int[] batch = [3, 1, 4, 15, 9, 2, 6, 5];

        engine.TrainStep(batch);
        var state = engine.ExportWeights();

        for (var c = 0; c < Channels; c++)
        {
            var values = batch.SelectMany(n => Enumerable.Range(0, Pixels).Select(p => data.Train.Pixels[(n * Channels + c) * Pixels + p] / 255.0)).ToArray();
            var mean = values.Average();
            var unbiasedVariance = values.Sum(v => (v - mean) * (v - mean)) / (values.Length - 1);
            // PyTorch's convention: running = (1 - momentum) * running + momentum * batch statistic, unbiased variance.
            Assert.Equal(0.9 * 0 + 0.1 * mean, state["layers.0.running_mean"].Data[c], 1e-6);
            Assert.Equal(0.9 * 1 + 0.1 * unbiasedVariance, state["layers.0.running_var"].Data[c], 1e-5);
        }
    }

    [Fact]
    public void Should_NormaliseWithRunningStatistics_When_Evaluating()
    {
        var spec = TestSpecs.Inline(InlineSpecs.NormFirst);
        var data = TestWorkloads.Data(spec, train: 4, test: 4);
        var weights = TestWorkloads.Weights(spec);
        float[] runningMean = [0.2f, 0.4f, 0.6f], runningVar = [0.5f, 2f, 4f], scale = [1.5f, -1f, 0.5f], shift = [0.1f, 0f, -0.3f];
        weights = With(weights, ("layers.0.running_mean", runningMean), ("layers.0.running_var", runningVar), ("layers.0.weight", scale), ("layers.0.bias", shift));
        using var engine = TestWorkloads.Prepared(spec, weights, data);

        var logits = engine.Predict([2]);

        var linear = weights["layers.2.weight"].Data;
        var bias = weights["layers.2.bias"].Data;
        for (var k = 0; k < spec.Classes; k++)
        {
            var expected = (double)bias[k];
            for (var c = 0; c < Channels; c++)
            {
                var pooled = Enumerable.Range(0, Pixels).Average(p => data.Test.Pixels[(2 * Channels + c) * Pixels + p] / 255.0);
                var normalised = (pooled - runningMean[c]) / Math.Sqrt(runningVar[c] + 1e-5) * scale[c] + shift[c];
                expected += linear[k * Channels + c] * normalised;
            }
            Assert.Equal(expected, logits[k], 1e-5);
        }
    }

    private static WeightSet With(WeightSet weights, params (string Name, float[] Data)[] replacements) =>
        weights with
        {
            Tensors = [.. weights.Tensors.Select(t => replacements.Where(r => r.Name == t.Name).Select(r => t with { Data = r.Data }).FirstOrDefault() ?? t)],
        };
}
