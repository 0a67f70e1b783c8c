using Versus.Core.Models;
using Versus.Core.Models.Graphs;
using Versus.Core.Parity;
using static Versus.Testing.TestGraphs;

namespace Versus.Engines.OnnxRuntime.Tests;

/// <summary>
/// Graphs beyond a layer sequence: TorchSharp's modules and ONNX Runtime's run of Versus' export compute the same
/// logits from the same canonical weights, operation by operation (depthwise and grouped convolution, dilation,
/// asymmetric padding, concatenation, ceil-mode and padded pooling, ReLU6, hard-swish, leaky ReLU, sigmoid).
/// </summary>
public sealed class GraphParityTests
{
    private const string In = GraphSpec.InputName;

    private static readonly Dictionary<string, ModelSpec> Graphs = new()
    {
        // MobileNetV2's block: expand, ReLU6, depthwise at stride 2 with TensorFlow's SAME (bottom/right) padding, project.
        ["depthwise"] = Spec("depthwise", ActivationShape.Image(3, 15, 15), 10,
            Node("expand", Conv(12, 1, bias: false), In),
            Node("expand_bn", new BatchNormOp(), "expand"),
            Node("expand_act", new ClipOp(0, 6), "expand_bn"),
            Node("dw", Conv(12, 3, 2, new Padding2(0, 0, 1, 1), groups: 12), "expand_act"),
            Node("dw_act", new HardSwishOp(), "dw"),
            Node("project", Conv(8, 1), "dw_act"),
            Node("pool", new GlobalAvgPoolOp(), "project"),
            Node("fc", new LinearOp(10), "pool")),
        // An Inception-like join: grouped, dilated and pooled branches concatenated with the input itself.
        ["grouped-concat"] = Spec("grouped-concat", ActivationShape.Image(4, 13, 13), 10,
            Node("stem", Conv(8, 3, padding: 1), In),
            Node("stem_act", new LeakyReluOp(0.1), "stem"),
            Node("grouped", Conv(8, 3, padding: 1, groups: 4), "stem_act"),
            Node("dilated", Conv(6, 3, padding: 2, dilation: 2), "stem_act"),
            Node("pooled", MaxPool(3, 1, padding: 1), "stem_act"),
            Node("cat", new ConcatOp(), "grouped", "dilated", "pooled", In),
            Node("gate", new SigmoidOp(), "cat"),
            Node("down", MaxPool(3, 2, ceil: true), "gate"),
            Node("flat", new FlattenOp(), "down"),
            Node("drop", new DropoutOp(0.2), "flat"),
            Node("fc", new LinearOp(10), "drop")),
        // Pooling with padding: symmetric and asymmetric, ceil mode whose last window reaches past the padding, both divisors.
        ["pooling"] = Spec("pooling", ActivationShape.Image(3, 14, 14), 10,
            Node("conv", Conv(6, 2, 2, new Padding2(1, 0, 0, 1)), In),
            Node("act", new ClipOp(-1, 1), "conv"),
            // 8x8 in: ceil mode adds a 5th window that reaches one pixel past the padding, which the divisor must not count.
            Node("conv8", Conv(6, 3, stride: 2, padding: 2), In),
            Node("avg_sym", AvgPool(3, 2, Padding2.Symmetric(1, 1), ceil: true, countIncludePad: true), "conv8"),
            Node("avg_sym_down", MaxPool(2, 1), "avg_sym"),
            Node("avg_excl", AvgPool(3, 2, new Padding2(1, 0, 0, 1), ceil: true), "act"),
            Node("avg_incl", AvgPool(3, 2, new Padding2(0, 1, 1, 0), ceil: true, countIncludePad: true), "act"),
            Node("max_asym", new MaxPoolOp(Size2.Square(2), Size2.Square(2), new Padding2(0, 0, 1, 1), CeilMode: true), "act"),
            Node("sum", new AddOp(), "avg_excl", "avg_incl"),
            Node("sum2", new AddOp(), "sum", "avg_sym_down"),
            Node("both", new ConcatOp(), "sum2", "max_asym"),
            Node("flat", new FlattenOp(), "both"),
            Node("fc", new LinearOp(10), "flat")),
    };

    public static TheoryData<string> Names => [.. Graphs.Keys];

    [Theory]
    [MemberData(nameof(Names))]
    public void Should_MatchTorchSharpLogits_When_BothRunAGraphFromTheSharedWeights(string name)
    {
        var spec = Graphs[name];
        var weights = TestWorkloads.Weights(spec);
        var data = TestWorkloads.Data(spec);
        using var torch = TestWorkloads.TorchSharp(spec, weights, data);
        using var ort = TestWorkloads.OnnxRuntime(spec, weights, data);

        var expected = torch.Predict(TestWorkloads.ProbeIndices);
        var actual = ort.Predict(TestWorkloads.ProbeIndices);

        Assert.Equal(16 * spec.Classes, actual.Length);
        var outcome = Compare(expected, actual, spec.Classes);
        Assert.True(outcome.Passed, $"{name}: {outcome.Reason}");
        // Tighter than the contract: fp32 reorderings only, no operation computed differently.
        Assert.True(TestWorkloads.MaxAbsDifference(expected, actual) < 1e-5, $"{name}: max |difference| {TestWorkloads.MaxAbsDifference(expected, actual)}");
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Should_MatchTrainedTorchSharp_When_TheGraphWasTrained(string name)
    {
        var spec = Graphs[name];
        var initial = TestWorkloads.Weights(spec);
        var data = TestWorkloads.Data(spec, train: 24);
        using var torch = TestWorkloads.TorchSharp(spec, initial, data);
        for (var step = 0; step < 3; step++) torch.TrainStep([.. Enumerable.Range(step * 8, 8)]);
        var trained = torch.ExportWeights();
        using var ort = TestWorkloads.OnnxRuntime(spec, trained, data);

        var expected = torch.Predict(TestWorkloads.ProbeIndices);
        var actual = ort.Predict(TestWorkloads.ProbeIndices);

        using var untrained = TestWorkloads.OnnxRuntime(spec, initial, data);
        var moved = TestWorkloads.MaxAbsDifference(untrained.Predict(TestWorkloads.ProbeIndices), expected);
        Assert.True(moved > 1e-2, $"training moved the logits by only {moved}");
        var outcome = Compare(expected, actual, spec.Classes);
        Assert.True(outcome.Passed, $"{name} after training: {outcome.Reason}");
    }

    private static ParityOutcome Compare(float[] torchSharp, float[] onnxRuntime, int classes) =>
        LogitComparison.Compare(new ParityProbe(TestWorkloads.ProbeIndices, classes, torchSharp),
            new ParityProbe(TestWorkloads.ProbeIndices, classes, onnxRuntime), "torchsharp", "onnxruntime");
}
