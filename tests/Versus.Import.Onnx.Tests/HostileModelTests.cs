using Google.Protobuf;
using Onnx;
using static Versus.Import.Onnx.Tests.OnnxModelBuilder;

namespace Versus.Import.Onnx.Tests;

/// <summary>
/// ONNX files Versus must refuse (issue 12, item 5), built with the protobuf types rather than by hand: each import
/// gives exactly one error line naming the file and what is wrong.
/// </summary>
public sealed class HostileModelTests : IDisposable
{
    private readonly ImportHelper helper = new();

    public void Dispose() => helper.Dispose();

    /// <summary>Conv, global pooling and a linear head: a valid model the cases below damage one way each.</summary>
    private static (OnnxModelBuilder Builder, string Output) Valid(OnnxModelBuilder? start = null)
    {
        var b = start ?? Image(3, 8, 8);
        var conv = b.Node("Conv", "/conv/Conv", ["x", b.Weight("conv.weight", 4, 3, 3, 3)]);
        var pooled = b.Node("GlobalAveragePool", "/pool/GlobalAveragePool", [conv]);
        var flat = b.Node("Flatten", "/Flatten", [pooled], Int("axis", 1));
        return (b, b.Node("Gemm", "/fc/Gemm", [flat, b.Weight("fc.weight", 5, 4)], Int("transB", 1)));
    }

    private static ModelProto ValidModel()
    {
        var (b, output) = Valid();
        return b.Build(output, 5);
    }

    [Fact]
    public void Should_Import_When_TheBaseModelIsIntact() => Assert.Equal(5, helper.Imported(ValidModel()).Spec.Classes);

    [Fact]
    public void Should_Refuse_When_TheFileIsNotOnnx()
    {
        var line = helper.Refused(helper.SaveBytes("{\"id\": \"not a model\"}\n"u8.ToArray()));
        Assert.Contains("is not an ONNX model or is truncated", line);
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(0.9)]
    [InlineData(0.999)]
    public void Should_Refuse_When_TheFileIsTruncated(double keep)
    {
        var bytes = ValidModel().ToByteArray();
        var line = helper.Refused(helper.SaveBytes(bytes[..(int)(bytes.Length * keep)]));
        Assert.Contains("is not an ONNX model or is truncated", line);
    }

    [Fact]
    public void Should_Refuse_When_TheFileIsOverTheSizeLimit()
    {
        var path = helper.Save(ValidModel());
        var line = helper.Refused(path, new OnnxImportOptions { MaxFileBytes = 100 });
        Assert.Contains("an ONNX model is read up to 100 bytes", line);
    }

    [Fact]
    public void Should_NameTheNodeOpAndSupportedList_When_AnOperationIsUnsupported()
    {
        var b = Image(3, 8, 8);
        var lrn = b.Node("LRN", "/norm/LRN", ["x"], Int("size", 3));
        var (_, output) = Valid(b);
        b.Graph.Node.Single(n => n.OpType == "Conv").Input[0] = lrn;
        var line = helper.Refused(helper.Save(b.Build(output, 5)));
        Assert.Contains("node '/norm/LRN' (LRN) is not supported: op type 'LRN' has no mapping; supported: Conv, BatchNormalization", line);
    }

    [Theory]
    [InlineData(1, "channels")]
    [InlineData(2, "height")]
    [InlineData(3, "width")]
    public void Should_Refuse_When_ASpatialSizeIsDynamic(int axis, string name)
    {
        var (b, output) = Valid();
        b.Graph.Input[0].Type.TensorType.Shape.Dim[axis] = Dim("size");
        var line = helper.Refused(helper.Save(b.Build(output, 5)));
        Assert.Contains($"input 'x' has a dynamic {name} ('size')", line);
    }

    [Fact]
    public void Should_Refuse_When_TheModelHasTwoInputs()
    {
        var (b, output) = Valid(Image(3, 8, 8).Input("mask", Dim("batch"), Dim(1)));
        Assert.Contains("has 2 inputs ('x', 'mask')", helper.Refused(helper.Save(b.Build(output, 5))));
    }

    [Fact]
    public void Should_Refuse_When_TheModelHasTwoOutputs()
    {
        var (b, output) = Valid();
        b.Output(output, Dim("batch"), Dim(5)).Output("features", Dim("batch"), Dim(4));
        Assert.Contains("has 2 outputs", helper.Refused(helper.Save(b.Build(output, 5))));
    }

    [Theory]
    [InlineData(7)]
    [InlineData(30)]
    public void Should_Refuse_When_TheOpsetIsOutsideTheSupportedRange(int opset)
    {
        var (b, output) = Valid();
        var line = helper.Refused(helper.Save(b.Opset(opset).Build(output, 5)));
        Assert.Contains($"has opset {opset}; supported: {OnnxImportOptions.MinOpset} to {OnnxImportOptions.MaxOpset}", line);
    }

    [Fact]
    public void Should_NameTheInitializer_When_ItsDataDoesNotMatchItsShape()
    {
        var model = ValidModel();
        var weight = model.Graph.Initializer.Single(i => i.Name == "conv.weight");
        weight.RawData = ByteString.CopyFrom(weight.RawData.Span[..^8]);
        var line = helper.Refused(helper.Save(model));
        Assert.Contains("initializer 'conv.weight' has 424 bytes of data but its shape needs 108 values of 4 bytes (432 bytes)", line);
    }

    [Fact]
    public void Should_Refuse_When_AnInitializerKeepsItsDataInAnExternalFile()
    {
        var model = ValidModel();
        var weight = model.Graph.Initializer.Single(i => i.Name == "fc.weight");
        weight.DataLocation = TensorProto.Types.DataLocation.External;
        Assert.Contains("keeps its data in an external file", helper.Refused(helper.Save(model)));
    }

    [Fact]
    public void Should_NameTheNodesOnTheCycle_When_TheGraphHasACycle()
    {
        var (b, output) = Valid();
        var nodes = b.Graph.Node;
        nodes.Single(n => n.OpType == "Conv").Input[0] = nodes.Single(n => n.OpType == "Flatten").Output[0];
        var line = helper.Refused(helper.Save(b.Build(output, 5)));
        Assert.Contains("has a cycle through nodes '/conv/Conv', '/pool/GlobalAveragePool', '/Flatten'", line);
    }

    [Fact]
    public void Should_Refuse_When_TheOutputIsNotClassLogits()
    {
        var b = Image(3, 8, 8);
        var conv = b.Node("Conv", "/conv/Conv", ["x", b.Weight("conv.weight", 4, 3, 3, 3)]);
        var line = helper.Refused(helper.Save(b.Build(conv, 5)));
        Assert.Contains("Versus needs a classifier's [N, classes] logits", line);
    }

    [Fact]
    public void Should_Refuse_When_AWeightIsComputedFromTheInput()
    {
        var b = Image(3, 8, 8);
        var conv = b.Node("Conv", "/conv/Conv", ["x", "x"]);
        var line = helper.Refused(helper.Save(b.Build(conv, 5)));
        Assert.Contains("node '/conv/Conv' (Conv) needs its weight ('x') to be a constant", line);
    }
}
