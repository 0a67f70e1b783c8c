using System.Diagnostics;
using Versus.Core.Data;
using Xunit.Abstractions;

namespace Versus.Engines.TorchSharp.Tests;

public sealed class TrainingTests(ITestOutputHelper output)
{
    private const uint Seed = 5;

    [Fact]
    public void Should_LowerTheLossAndBeatChance_When_TrainedOnGeneratedShapes()
    {
        var spec = TestSpecs.File("small-cnn-28.json");
        var data = TestWorkloads.Data(spec, train: 1024, test: 256);
        using var engine = TestWorkloads.Prepared(spec, TestWorkloads.Weights(spec), data);
        var batch = spec.Training.BatchSize;
        var steps = EpochOrder.StepsPerEpoch(data.Train.Count, batch);
        var before = engine.Evaluate(256);

        var epochLosses = new List<double>();
        var clock = Stopwatch.StartNew();
        for (var epoch = 0; epoch < 3; epoch++)
        {
            var order = EpochOrder.Permutation(Seed, epoch, data.Train.Count);
            epochLosses.Add(Enumerable.Range(0, steps).Average(s => engine.TrainStep(order.AsSpan(s * batch, batch))));
        }
        clock.Stop();
        var after = engine.Evaluate(256);

        output.WriteLine($"{3 * steps} steps at batch {batch}: {clock.Elapsed.TotalMilliseconds / (3 * steps):F1} ms/step; epoch losses {string.Join(", ", epochLosses.Select(l => l.ToString("F3")))}; test accuracy {before.Accuracy:F3} -> {after.Accuracy:F3}, loss {before.Loss:F3} -> {after.Loss:F3}");
        Assert.True(epochLosses[^1] < 0.6 * epochLosses[0], $"epoch losses {string.Join(", ", epochLosses)}");
        Assert.True(after.Loss < before.Loss);
        Assert.True(after.Accuracy > 0.5, $"test accuracy {after.Accuracy}");
    }

    [Fact]
    public void Should_RestoreInitialWeightsAndFirstLoss_When_Reset()
    {
        var spec = TestSpecs.File("depth.json", 2);
        var weights = TestWorkloads.Weights(spec);
        var data = TestWorkloads.Data(spec, train: 128, test: 8);
        using var engine = TestWorkloads.Prepared(spec, weights, data);
        var order = EpochOrder.Permutation(Seed, 0, data.Train.Count);

        var firstLoss = engine.TrainStep(order.AsSpan(0, 32));
        var secondLoss = engine.TrainStep(order.AsSpan(32, 32));
        engine.TrainStep(order.AsSpan(64, 32));
        engine.Reset();
        var exported = engine.ExportWeights();
        var firstLossAgain = engine.TrainStep(order.AsSpan(0, 32));
        var secondLossAgain = engine.TrainStep(order.AsSpan(32, 32));

        Assert.All(weights.Tensors, t => Assert.Equal(t.Data, exported[t.Name].Data));
        Assert.Equal(firstLoss, firstLossAgain);
        // The second step depends on the optimizer's momentum: equal only if Reset also started a fresh optimizer.
        Assert.Equal(secondLoss, secondLossAgain);
    }

    [Fact]
    public void Should_GiveTheSameEvaluation_When_EvaluatedInDifferentBatchSizes()
    {
        var spec = TestSpecs.File("depth.json", 2);
        var data = TestWorkloads.Data(spec, train: 64, test: 50);
        using var engine = TestWorkloads.Prepared(spec, TestWorkloads.Weights(spec), data);
        engine.TrainStep(Enumerable.Range(0, 64).ToArray());

        var whole = engine.Evaluate(64);
        var pieces = engine.Evaluate(7);
        var logits = engine.Predict(Enumerable.Range(0, 50).ToArray());

        Assert.Equal(whole.Accuracy, pieces.Accuracy);
        Assert.Equal(whole.Loss, pieces.Loss, 1e-5);
        var correct = Enumerable.Range(0, 50).Count(i => ArgMax(logits.AsSpan(i * 10, 10)) == data.Test.Labels[i]);
        Assert.Equal(correct / 50.0, whole.Accuracy);
    }

    [Fact]
    public void Should_TrainAndEvaluate_When_LabelsPassAByte()
    {
        var spec = TestSpecs.Inline(TrainingSpecs.ManyClasses);
        var data = TestWorkloads.Data(spec, train: 64, test: 32);
        using var engine = TestWorkloads.Prepared(spec, TestWorkloads.Weights(spec), data);
        var batch = Enumerable.Range(0, 64).ToArray();

        var losses = Enumerable.Range(0, 5).Select(_ => engine.TrainStep(batch)).ToArray();
        var evaluation = engine.Evaluate(16);

        Assert.Contains(data.Train.Labels, l => l > 255);
        // Cross-entropy starts near ln 300 = 5.70 from small initial weights, and falls on a batch seen again and again.
        Assert.InRange(losses[0], 4.5, 7.0);
        Assert.True(losses[^1] < losses[0], $"losses {string.Join(", ", losses)}");
        Assert.True(double.IsFinite(evaluation.Loss), $"test loss {evaluation.Loss}");
        Assert.InRange(evaluation.Accuracy, 0, 1);
    }

    private static int ArgMax(ReadOnlySpan<float> values)
    {
        var best = 0;
        for (var i = 1; i < values.Length; i++) if (values[i] > values[best]) best = i;
        return best;
    }
}
