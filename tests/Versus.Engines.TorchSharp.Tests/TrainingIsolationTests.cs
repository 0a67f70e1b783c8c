using Versus.Core.Data;

namespace Versus.Engines.TorchSharp.Tests;

/// <summary>
/// A benchmark and the test suites train several workloads in one process: a workload's losses must not depend on what
/// trained before it. oneDNN's AVX-512 convolution kernels once broke this (OneDnnIsaLimit): an Adam run through a
/// 1x1 stride-2 projection went NaN at its second step, and the next workload's losses with it. Without the limit the
/// failure depends on timing and memory layout, so the projection trains twice.
/// </summary>
public sealed class TrainingIsolationTests
{
    private const int Steps = 20;

    /// <summary>SGD with momentum through a convolution on one channel, batch norm, pooling and dense layers.</summary>
    private const string SgdFlatten = """
        {
          "id": "sgd-flatten", "description": "isolation, SGD",
          "input": { "channels": 1, "height": 12, "width": 12 }, "classes": 10,
          "training": { "optimizer": "sgd", "learningRate": 0.02, "momentum": 0.9, "batchSize": 8, "epochs": 1, "targetAccuracy": 0.5 },
          "inference": { "throughputBatchSize": 8 },
          "layers": [
            { "type": "conv2d", "out": 6, "kernel": 3, "padding": 1 }, { "type": "batchnorm2d" }, { "type": "relu" },
            { "type": "maxpool2d", "kernel": 2 },
            { "type": "conv2d", "out": 8, "kernel": 3 }, { "type": "relu" },
            { "type": "flatten" }, { "type": "linear", "out": 16 }, { "type": "relu" }, { "type": "linear", "out": 10 }
          ]
        }
        """;

    [Fact]
    public void Should_TrainTheSameFiniteLosses_When_OtherWorkloadsTrainedEarlierInTheProcess()
    {
        var first = Losses(SgdFlatten);
        var projection = Losses(InlineSpecs.Projection).Concat(Losses(InlineSpecs.Projection)).ToArray();
        var again = Losses(SgdFlatten);

        Assert.All(projection, l => Assert.True(double.IsFinite(l), $"projection losses [{string.Join(", ", projection)}]"));
        Assert.All(first, l => Assert.True(double.IsFinite(l), $"losses [{string.Join(", ", first)}]"));
        Assert.Equal(first, again);
    }

    private static double[] Losses(string json)
    {
        var spec = TestSpecs.Inline(json);
        var batch = spec.Training.BatchSize;
        var data = TestWorkloads.Data(spec, train: Steps * batch, test: 8);
        using var engine = TestWorkloads.Prepared(spec, TestWorkloads.Weights(spec), data);
        var order = EpochOrder.Permutation(5, 0, Steps * batch);
        return [.. Enumerable.Range(0, Steps).Select(k => engine.TrainStep(order.AsSpan(k * batch, batch)))];
    }
}
