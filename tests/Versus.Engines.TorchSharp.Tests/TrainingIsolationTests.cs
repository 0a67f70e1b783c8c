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

    [Fact]
    public void Should_TrainTheSameFiniteLosses_When_OtherWorkloadsTrainedEarlierInTheProcess()
    {
        var first = Losses(TrainingSpecs.SgdFlatten);
        var projection = Losses(InlineSpecs.Projection).Concat(Losses(InlineSpecs.Projection)).ToArray();
        var again = Losses(TrainingSpecs.SgdFlatten);

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
