using Versus.Core.Models;
using Versus.Core.Models.Graphs;

namespace Versus.Core.Tests.Models;

public sealed class GraphSpecReaderTests
{
    // A small inverted-residual network on 3x32x32: a stem with TensorFlow SAME padding at stride 2, a depthwise
    // convolution, ReLU6, a two-branch concatenation, ceil-mode pooling and a skip connection.
    private const string Nodes = """
        { "name": "stem", "op": "conv2d", "out": 8, "kernel": 3, "stride": 2, "padding": "same", "bias": false },
        { "name": "stem_bn", "op": "batchnorm2d" },
        { "name": "stem_act", "op": "clip", "min": 0, "max": 6 },
        { "name": "dw", "op": "conv2d", "out": 8, "kernel": 3, "padding": 1, "groups": 8 },
        { "name": "left", "op": "conv2d", "inputs": ["dw"], "out": 4, "kernel": 1 },
        { "name": "right", "op": "conv2d", "inputs": ["dw"], "out": 4, "kernel": [3, 3], "dilation": 2, "padding": [2, 2] },
        { "name": "joined", "op": "concat", "inputs": ["left", "right"] },
        { "name": "skip", "op": "add", "inputs": ["joined", "stem_act"] },
        { "name": "act", "op": "hardswish" },
        { "name": "pool", "op": "maxpool2d", "kernel": 3, "stride": 2, "ceil": true },
        { "name": "avg", "op": "avgpool2d", "kernel": 2, "stride": 1, "padding": [0, 0, 1, 1] },
        { "name": "gap", "op": "globalavgpool" },
        { "name": "head.fc", "op": "linear", "out": 10 }
        """;

    [Fact]
    public void Should_InferEveryShape_When_GraphUsesBranchesDepthwiseAndSamePadding()
    {
        var result = ModelSpecReader.Read(Spec(Nodes), "graph.json");

        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        var analysis = result.Analysis!;
        // SAME at stride 2: ceil(32 / 2) = 16; the 3x3 kernel needs (16 - 1) * 2 + 3 - 32 = 1 pixel, put after (bottom/right).
        Assert.Equal(new Padding2(0, 0, 1, 1), ((ConvOp)analysis.Node("stem").Node.Op).Padding);
        Assert.Equal(ActivationShape.Image(8, 16, 16), analysis.Node("stem").OutputShape);
        Assert.Equal(ActivationShape.Image(8, 16, 16), analysis.Node("dw").OutputShape);
        // Dilation 2 widens the 3x3 kernel to 5x5; padding 2 keeps 16.
        Assert.Equal(ActivationShape.Image(4, 16, 16), analysis.Node("right").OutputShape);
        Assert.Equal(ActivationShape.Image(8, 16, 16), analysis.Node("joined").OutputShape);
        // Ceil mode: (16 - 3) / 2 = 6.5 rounds up to 7 windows, plus 1 = 8.
        Assert.Equal(ActivationShape.Image(8, 8, 8), analysis.Node("pool").OutputShape);
        // Asymmetric padding: 8 + 1 - 2 + 1 = 8.
        Assert.Equal(ActivationShape.Image(8, 8, 8), analysis.Node("avg").OutputShape);
        Assert.Equal(ActivationShape.Vector(10), analysis.Node("head.fc").OutputShape);
        // Depthwise: one 3x3 filter per channel, [8, 1, 3, 3], plus 8 biases.
        Assert.Equal([8, 1, 3, 3], analysis.ParameterLayout.Single(p => p.Name == "dw.weight").Shape);
        Assert.Equal(8 * 9 + 8, analysis.Node("dw").Parameters);
        // 2 FLOPs per multiply-add: 8 outputs channels x 16 x 16 positions x 9 taps, plus one per bias.
        Assert.Equal(2L * 9 * 8 * 16 * 16 + 8 * 16 * 16, analysis.Node("dw").ForwardFlops);
    }

    [Fact]
    public void Should_ReadNodesInAnyOrder_When_InputsComeLater()
    {
        var result = ModelSpecReader.Read(Spec("""
            { "name": "fc", "op": "linear", "inputs": ["flat"], "out": 10 },
            { "name": "flat", "op": "flatten", "inputs": ["conv"] },
            { "name": "conv", "op": "conv2d", "inputs": ["input"], "out": 2, "kernel": 32 }
            """, output: "fc"), "shuffled.json");

        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        Assert.Equal(["conv", "flat", "fc"], result.Spec!.Graph.Nodes.Select(n => n.Name));
    }

    [Theory]
    [InlineData("""{ "name": "a", "op": "relu", "inputs": ["b"] }, { "name": "b", "op": "relu", "inputs": ["a"] }, { "name": "gap", "op": "globalavgpool", "inputs": ["b"] }, { "name": "fc", "op": "linear", "out": 10 }""",
        "$.graph.nodes", "has a cycle through 'a', 'b'")]
    [InlineData("""{ "name": "gap", "op": "globalavgpool", "inputs": ["nowhere"] }, { "name": "fc", "op": "linear", "out": 10 }""",
        "$.graph.nodes[0]", "input 'nowhere' is not a node")]
    [InlineData("""{ "name": "a", "op": "conv2d", "out": 4, "kernel": 1 }, { "name": "a", "op": "globalavgpool" }, { "name": "fc", "op": "linear", "out": 10 }""",
        "$.graph.nodes[1]", "is used by an earlier node")]
    [InlineData("""{ "name": "a", "op": "conv2d", "out": 4, "kernel": 1 }, { "name": "a.b", "op": "globalavgpool" }, { "name": "fc", "op": "linear", "out": 10 }""",
        "$.graph.nodes[1]", "lies inside node 'a'")]
    [InlineData("""{ "name": "a", "op": "conv2d", "out": 4, "kernel": 1 }, { "name": "b", "op": "conv2d", "inputs": ["input"], "out": 5, "kernel": 3 }, { "name": "s", "op": "add", "inputs": ["a", "b"] }, { "name": "gap", "op": "globalavgpool" }, { "name": "fc", "op": "linear", "out": 10 }""",
        "$.graph.nodes[2]", "add needs two inputs of one shape but gets 4x32x32 ('a') and 5x30x30 ('b')")]
    [InlineData("""{ "name": "a", "op": "conv2d", "out": 4, "kernel": 1, "groups": 3 }, { "name": "gap", "op": "globalavgpool" }, { "name": "fc", "op": "linear", "out": 10 }""",
        "$.graph.nodes[0]", "groups 3 needs input (3) and output (4) channels divisible by it")]
    [InlineData("""{ "name": "a", "op": "maxpool2d", "kernel": 2, "padding": 2 }, { "name": "gap", "op": "globalavgpool" }, { "name": "fc", "op": "linear", "out": 10 }""",
        "$.graph.nodes[0]", "exceeds half its kernel")]
    [InlineData("""{ "name": "a", "op": "conv2d", "out": 4, "kernel": 1 }, { "name": "spare", "op": "relu", "inputs": ["a"] }, { "name": "gap", "op": "globalavgpool", "inputs": ["a"] }, { "name": "fc", "op": "linear", "out": 10 }""",
        "$.graph.nodes[1]", "does not lead to the output 'fc'")]
    [InlineData("""{ "name": "a", "op": "softmax" }""", "$.graph.nodes[0].op", "allowed: conv2d, batchnorm2d")]
    [InlineData("""{ "name": "c", "op": "concat" }""", "$.graph.nodes[0]", "takes two or more inputs")]
    public void Should_NameTheNodeAndWhatIsWrong_When_GraphIsInvalid(string nodes, string path, string message)
    {
        var result = ModelSpecReader.Read(Spec(nodes), "bad-graph.json");

        Assert.False(result.IsValid);
        var error = Assert.Single(result.Errors, e => e.Location == path);
        Assert.Equal("bad-graph.json", error.Source);
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void Should_RefuseTheSpec_When_ItsGraphDisagreesWithItsLayers()
    {
        var json = ModelSpecWriter.ToJson(ModelSpecReader.ReadFile(RepoPaths.Workload("small-cnn-28")).Spec!);
        json["graph"]!["output"] = "layers.0";

        var result = ModelSpecReader.Read(json.ToJsonString(), "edited.json");

        Assert.Contains(result.Errors, e => e.Location == "$.graph" && e.Message.Contains("is not the graph its \"layers\" describe"));
    }

    [Fact]
    public void Should_RoundTripTheGraph_When_WrittenInCanonicalForm()
    {
        var original = ModelSpecReader.Read(Spec(Nodes), "graph.json").Spec!;

        var again = ModelSpecReader.Read(ModelSpecWriter.ToJson(original).ToJsonString(), "canonical").Spec!;

        Assert.True(again.IsGraph);
        Assert.Equal(original.Graph.Nodes.Select(n => (n.Name, n.Op)), again.Graph.Nodes.Select(n => (n.Name, n.Op)));
        Assert.Equal(original.Graph.Nodes.Select(n => string.Join(",", n.Inputs)), again.Graph.Nodes.Select(n => string.Join(",", n.Inputs)));
        Assert.Equal(original.Graph.Output, again.Graph.Output);
    }

    private static string Spec(string nodes, string? output = null) => $$"""
        {
          "id": "graph-spec",
          "input": { "channels": 3, "height": 32, "width": 32 },
          "classes": 10,
          "training": { "optimizer": "sgd", "learningRate": 0.1, "momentum": 0.9, "batchSize": 8, "epochs": 1 },
          "graph": { {{(output is null ? "" : $"\"output\": \"{output}\",")}} "nodes": [ {{nodes}} ] }
        }
        """;
}
