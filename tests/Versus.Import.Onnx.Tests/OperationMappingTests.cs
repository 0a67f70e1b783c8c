using Versus.Core.Models.Graphs;
using static Versus.Import.Onnx.Tests.OnnxModelBuilder;

namespace Versus.Import.Onnx.Tests;

/// <summary>Each ONNX pattern an exporter writes, on a small model, and the spec node it becomes.</summary>
public sealed class OperationMappingTests : IDisposable
{
    private readonly ImportHelper helper = new();

    public void Dispose() => helper.Dispose();

    /// <summary>Global pooling then a linear head of <paramref name="classes"/>: the tail every test model ends with.</summary>
    private static string Head(OnnxModelBuilder b, string x, int channels, int classes = 4)
    {
        var pooled = b.Node("GlobalAveragePool", "/pool/GlobalAveragePool", [x]);
        var flat = b.Node("Flatten", "/Flatten", [pooled], Int("axis", 1));
        return b.Node("Gemm", "/fc/Gemm", [flat, b.Weight("fc.weight", classes, channels), b.Weight("fc.bias", classes)], Int("transB", 1));
    }

    [Theory]
    [InlineData("SAME_UPPER", 0, 0, 1, 1)]
    [InlineData("SAME_LOWER", 1, 1, 0, 0)]
    [InlineData("VALID", 0, 0, 0, 0)]
    public void Should_ResolveAutoPadToExplicitPadding_When_ConvUsesAutoPad(string autoPad, int top, int left, int bottom, int right)
    {
        var b = Image(3, 8, 8);
        var conv = b.Node("Conv", "/stem/Conv", ["x", b.Weight("w", 6, 3, 3, 3)], IntList("strides", 2, 2), Text("auto_pad", autoPad));
        var model = helper.Imported(b.Build(Head(b, conv, 6), 4));
        var op = Assert.IsType<ConvOp>(model.Spec.Graph.Nodes.Single(n => n.Name == "stem").Op);
        Assert.Equal(new Padding2(top, left, bottom, right), op.Padding);
    }

    [Fact]
    public void Should_KeepGroupsDilationsAndPads_When_ConvIsDepthwise()
    {
        var b = Image(4, 9, 9);
        var conv = b.Node("Conv", "/dw/Conv", ["x", b.Weight("w", 8, 1, 3, 3), b.Weight("bias", 8)],
            Int("group", 4), IntList("dilations", 2, 2), IntList("pads", 0, 1, 2, 3));
        var model = helper.Imported(b.Build(Head(b, conv, 8), 4));
        var op = Assert.IsType<ConvOp>(model.Spec.Graph.Nodes.Single(n => n.Name == "dw").Op);
        Assert.Equal(new ConvOp(8, Size2.Square(3), Size2.Square(1), Size2.Square(2), new Padding2(0, 1, 2, 3), 4, true), op);
        Assert.Equal([8, 1, 3, 3], model.Weights["dw.weight"].Shape);
    }

    [Fact]
    public void Should_FoldTheShapeSubgraph_When_ReshapeFlattensWithTheDynamicBatch()
    {
        // x.view(x.size(0), -1) as PyTorch exports it with a dynamic batch axis.
        var b = Image(2, 3, 3);
        var relu = b.Node("Relu", "/relu/Relu", ["x"]);
        var shape = b.Node("Shape", "/Shape", [relu]);
        var index = b.Node("Constant", "/Constant", [], new global::Onnx.AttributeProto { Name = "value", Type = global::Onnx.AttributeProto.Types.AttributeType.Tensor,
            T = new global::Onnx.TensorProto { DataType = 7, Int64Data = { 0 } } });
        var batch = b.Node("Gather", "/Gather", [shape, index], Int("axis", 0));
        var unsqueezed = b.Node("Unsqueeze", "/Unsqueeze", [batch, b.Ints("axes", 0)]);
        var target = b.Node("Concat", "/Concat", [unsqueezed, b.Ints("minus_one", -1)], Int("axis", 0));
        var flat = b.Node("Reshape", "/Reshape", [relu, target]);
        var fc = b.Node("Gemm", "/fc/Gemm", [flat, b.Weight("fc.weight", 5, 18)], Int("transB", 1));
        var model = helper.Imported(b.Build(fc, 5));
        Assert.Equal(["relu", "flatten", "fc"], model.Spec.Graph.Nodes.Select(n => n.Name));
        Assert.IsType<FlattenOp>(model.Spec.Graph.Nodes[1].Op);
    }

    [Fact]
    public void Should_FoldTheBiasIntoALinearLayer_When_MatMulIsFollowedByAdd()
    {
        var b = Image(3, 4, 4);
        var flat = b.Node("Flatten", "/Flatten", ["x"], Int("axis", 1));
        var product = b.Node("MatMul", "/fc/MatMul", [flat, b.Weight("w", 48, 5)]);
        var sum = b.Node("Add", "/fc/Add", [product, b.Weight("bias", 5)]);
        var model = helper.Imported(b.Build(sum, 5));
        var fc = model.Spec.Graph.Nodes.Single(n => n.Op is LinearOp);
        Assert.Equal(new LinearOp(5, Bias: true), fc.Op);
        Assert.Equal([5, 48], model.Weights[$"{fc.Name}.weight"].Shape);
        // [in, out] becomes [out, in]: canonical element (o, i) is ONNX's (i, o).
        var onnx = b.Graph.Initializer.Single(t => t.Name == "w").RawData.ToByteArray();
        Assert.Equal(BitConverter.ToSingle(onnx, (7 * 5 + 2) * 4), model.Weights[$"{fc.Name}.weight"].Data[2 * 48 + 7]);
    }

    [Fact]
    public void Should_MapHardSwish_When_ExportedAsXTimesHardSigmoid()
    {
        var b = Image(3, 4, 4);
        var gate = b.Node("HardSigmoid", "/act/HardSigmoid", ["x"], Float("alpha", 1f / 6), Float("beta", 0.5f));
        var product = b.Node("Mul", "/act/Mul", ["x", gate]);
        var model = helper.Imported(b.Build(Head(b, product, 3), 4));
        Assert.IsType<HardSwishOp>(model.Spec.Graph.Nodes[0].Op);
    }

    [Theory]
    [InlineData(13, true)]
    [InlineData(10, false)]
    public void Should_ReadClipBounds_When_GivenAsInputsOrAttributes(int opset, bool asInputs)
    {
        var b = Image(3, 4, 4).Opset(opset);
        var clip = asInputs
            ? b.Node("Clip", "/act/Clip", ["x", b.Floats("min", [], [0f]), b.Floats("max", [], [6f])])
            : b.Node("Clip", "/act/Clip", ["x"], Float("min", 0), Float("max", 6));
        var model = helper.Imported(b.Build(Head(b, clip, 3), 4));
        Assert.Equal(new ClipOp(0, 6), model.Spec.Graph.Nodes[0].Op);
    }

    [Fact]
    public void Should_TakePyTorchsMomentum_When_BatchNormalizationIsKept()
    {
        var b = Image(3, 4, 4);
        var bn = b.NodeWithOutputs("BatchNormalization", "/bn/BatchNormalization",
            ["x", b.Weight("s", 3), b.Weight("b", 3), b.Weight("m", 3), b.Floats("v", [3], [1f, 2f, 3f])], 3,
            Float("epsilon", 1e-3f), Float("momentum", 0.9f), Int("training_mode", 1))[0];
        var model = helper.Imported(b.Build(Head(b, bn, 3), 4));
        Assert.Equal(new BatchNormOp(1e-3, 0.1), model.Spec.Graph.Nodes[0].Op);
        Assert.Equal([1f, 2f, 3f], model.Weights["bn.running_var"].Data);
    }

    [Fact]
    public void Should_TransposeTheWeight_When_GemmHasNoTransB()
    {
        var b = Image(2, 1, 1);
        var flat = b.Node("Flatten", "/Flatten", ["x"], Int("axis", 1));
        var fc = b.Node("Gemm", "/fc/Gemm", [flat, b.Floats("w", [2, 3], [1, 2, 3, 4, 5, 6])]);
        var model = helper.Imported(b.Build(fc, 3));
        Assert.Equal([1f, 4f, 2f, 5f, 3f, 6f], model.Weights["fc.weight"].Data);
    }

    [Fact]
    public void Should_TakeTrainingSettings_When_ASideFileIsBesideTheModel()
    {
        var b = Image(3, 4, 4);
        var path = helper.Save(b.Build(Head(b, "x", 3), 4), "tiny.onnx");
        File.WriteAllText(Path.Combine(helper.Folder, "tiny.training.json"), """{"id": "tiny-net", "training": {"batchSize": 8, "optimizer": "adam", "learningRate": 0.001}}""");
        var (model, errors) = OnnxImporter.TryImport(path);
        Assert.Empty(errors);
        Assert.Equal("tiny-net", model!.Spec.Id);
        Assert.Equal(8, model.Spec.Training.BatchSize);
        Assert.Equal(Core.Models.OptimizerKind.Adam, model.Spec.Training.Optimizer);
        Assert.Equal(Core.Models.TrainingSideFile.DefaultTraining.Epochs, model.Spec.Training.Epochs);
    }
}
