using Versus.Import.Onnx.Mapping;

namespace Versus.Import.Onnx.Tests;

public sealed class NodeNamerTests
{
    private static IReadOnlyList<string> Names(params (string Onnx, string Kind)[] nodes) =>
        NodeNamer.Assign([.. nodes.Select(n => new NodeNamer.Request(n.Onnx, n.Kind))]);

    [Fact]
    public void Should_UseTheModulePath_When_NamesArePyTorchScopes()
    {
        Assert.Equal(["layer1.0.conv1", "features.1.conv.0.0", "fc"],
            Names(("/layer1/layer1.0/conv1/Conv", "conv2d"), ("/features/features.1/conv/conv.0/conv.0.0/Conv", "conv2d"), ("/fc/Gemm", "linear")));
    }

    [Fact]
    public void Should_SuffixTheOp_When_ANameIsAnothersPrefixPath()
    {
        Assert.Equal(["layer1.0.conv1", "layer1.0_add"], Names(("/layer1/layer1.0/conv1/Conv", "conv2d"), ("/layer1/layer1.0/Add", "add")));
    }

    [Fact]
    public void Should_MakeNamesUniqueAndSafe_When_OnnxNamesRepeatOrAreOdd()
    {
        Assert.Equal(["relu", "relu_2", "conv2d", "n0_conv", "Conv_3", "input_relu"],
            Names(("/relu/Relu", "relu"), ("/relu/Relu_1", "relu"), ("", "conv2d"), ("0 conv", "conv2d"), ("Conv_3", "conv2d"), ("/input/Relu", "relu")));
    }
}
