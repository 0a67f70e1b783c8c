using Versus.Core.Parity;

namespace Versus.Engines.OnnxRuntime.Tests;

/// <summary>
/// The exported model served by ONNX Runtime computes what TorchSharp (libtorch) computes from the same spec and
/// weights: the parity contract's probe (test images 0..15) agrees under the one forward rule (LogitComparison), before and
/// after a few training steps (depth-16 included: the regime where batch norm is no longer the identity).
/// </summary>
public sealed class ParityTests
{
    private const double Tolerance = 1e-4;

    private static ParityOutcome Compare(float[] torchSharp, float[] onnxRuntime, int classes) =>
        LogitComparison.Compare(new ParityProbe(TestWorkloads.ProbeIndices, classes, torchSharp),
            new ParityProbe(TestWorkloads.ProbeIndices, classes, onnxRuntime), "torchsharp", "onnxruntime");

    public static TheoryData<string> Workloads => new() { "small-cnn-28", "cnn-64", "depth-2", "depth-4", "depth-16", "projection" };

    [Theory]
    [MemberData(nameof(Workloads))]
    public void Should_MatchTorchSharpLogits_When_BothStartFromTheSharedWeights(string workload)
    {
        var spec = TestWorkloads.Spec(workload);
        var weights = TestWorkloads.Weights(spec);
        var data = TestWorkloads.Data(spec);
        using var torch = TestWorkloads.TorchSharp(spec, weights, data);
        using var ort = TestWorkloads.OnnxRuntime(spec, weights, data);

        var expected = torch.Predict(TestWorkloads.ProbeIndices);
        var actual = ort.Predict(TestWorkloads.ProbeIndices);

        Assert.Equal(16 * spec.Classes, actual.Length);
        var outcome = Compare(expected, actual, spec.Classes);
        Assert.True(outcome.Passed, $"{workload}: {outcome.Reason}");
    }

    [Theory]
    [InlineData("small-cnn-28")]
    [InlineData("cnn-64")]
    [InlineData("depth-4")]
    [InlineData("depth-16")]
    [InlineData("projection")]
    public void Should_MatchTrainedTorchSharp_When_HandedItsExportedWeights(string workload)
    {
        var spec = TestWorkloads.Spec(workload);
        var initial = TestWorkloads.Weights(spec);
        var data = TestWorkloads.Data(spec, train: 24);
        using var torch = TestWorkloads.TorchSharp(spec, initial, data);
        for (var step = 0; step < 3; step++) torch.TrainStep([.. Enumerable.Range(step * 8, 8)]);
        var trained = torch.ExportWeights();
        using var ort = TestWorkloads.OnnxRuntime(spec, trained, data);

        var expected = torch.Predict(TestWorkloads.ProbeIndices);
        var actual = ort.Predict(TestWorkloads.ProbeIndices);

        // Guards against a vacuous pass: training must have moved the logits away from the initial model's.
        using var untrained = TestWorkloads.OnnxRuntime(spec, initial, data);
        Assert.True(TestWorkloads.MaxAbsDifference(untrained.Predict(TestWorkloads.ProbeIndices), expected) > 100 * Tolerance);
        var outcome = Compare(expected, actual, spec.Classes);
        Assert.True(outcome.Passed, $"{workload} after training: {outcome.Reason}");
    }

    [Theory]
    [InlineData("depth-16")]
    [InlineData("small-cnn-28")]
    public void Should_MatchTrainedTorchSharp_When_LoadingItsStateIntoAPreparedEngine(string workload)
    {
        var spec = TestWorkloads.Spec(workload);
        var initial = TestWorkloads.Weights(spec);
        var data = TestWorkloads.Data(spec, train: 24);
        using var torch = TestWorkloads.TorchSharp(spec, initial, data);
        using var ort = TestWorkloads.OnnxRuntime(spec, initial, data);
        var before = ort.Predict(TestWorkloads.ProbeIndices);
        for (var step = 0; step < 3; step++) torch.TrainStep([.. Enumerable.Range(step * 8, 8)]);

        ort.LoadWeights(torch.ExportWeights());
        var actual = ort.Predict(TestWorkloads.ProbeIndices);
        var expected = torch.Predict(TestWorkloads.ProbeIndices);

        Assert.True(TestWorkloads.MaxAbsDifference(before, expected) > 100 * Tolerance);
        var outcome = Compare(expected, actual, spec.Classes);
        Assert.True(outcome.Passed, $"{workload} loaded after training: {outcome.Reason}");
    }

    [Fact]
    public void Should_KeepItsModel_When_AskedToLoadAFileThatDoesNotFit()
    {
        var spec = TestWorkloads.Spec("depth-2");
        var weights = TestWorkloads.Weights(spec);
        using var ort = TestWorkloads.OnnxRuntime(spec, weights, TestWorkloads.Data(spec));
        var before = ort.Predict(TestWorkloads.ProbeIndices);
        var other = TestWorkloads.Weights(TestWorkloads.Spec("depth-4"));

        Assert.ThrowsAny<Exception>(() => ort.LoadWeights(other));

        Assert.Equal(before, ort.Predict(TestWorkloads.ProbeIndices));
    }

    /// <summary>Batch 16 over 40 images leaves a partial last batch of 8; many-classes draws labels past a byte.</summary>
    [Theory]
    [InlineData("depth-2", 40, 16)]
    [InlineData("many-classes", 200, 32)]
    public void Should_AgreeOnAccuracyAndLoss_When_EvaluatingTheTestSet(string workload, int testImages, int batch)
    {
        var spec = TestWorkloads.Spec(workload);
        var weights = TestWorkloads.Weights(spec);
        var data = TestWorkloads.Data(spec, train: 8, test: testImages);
        using var torch = TestWorkloads.TorchSharp(spec, weights, data);
        using var ort = TestWorkloads.OnnxRuntime(spec, weights, data);

        var expected = torch.Evaluate(batch);
        var actual = ort.Evaluate(batch);

        if (spec.Classes > 256) Assert.Contains(data.Test.Labels, l => l > 255);
        Assert.Equal(expected.Accuracy, actual.Accuracy);
        Assert.Equal(expected.Loss, actual.Loss, 1e-4);
    }
}
