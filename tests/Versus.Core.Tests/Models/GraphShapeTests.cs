using Versus.Core.Models;
using Versus.Core.Models.Graphs;
using static Versus.Testing.TestGraphs;

namespace Versus.Core.Tests.Models;

/// <summary>
/// Shape inference per graph operation: each case puts one operation between the input and a classifier head, and the
/// expected shape, parameter count and FLOPs are worked out by hand in the comment beside it.
/// </summary>
public sealed class GraphShapeTests
{
    private sealed record Case(ActivationShape Input, NodeOp Op, string Shape, long Parameters, long Flops);

    private static readonly Dictionary<string, Case> Cases = new()
    {
        // (15 + 1 + 1 - 3) / 2 + 1 = 8; weight 8x3x3x3 + bias 8; 2 * 27 per output + 1 bias add, 8 * 64 outputs.
        ["conv"] = new(ActivationShape.Image(3, 15, 15), Conv(8, 3, stride: 2, padding: 1), "8x8x8", 224, 8 * 64 * (2 * 27 + 1)),
        // Depthwise: groups = channels = 3, weight 3x1x3x3 + bias 3; each output reads 9 inputs.
        ["depthwise"] = new(ActivationShape.Image(3, 15, 15), Conv(3, 3, padding: 1, groups: 3), "3x15x15", 30, 3 * 225 * (2 * 9 + 1)),
        // Two groups of 2 input channels: weight 6x2x3x3 = 108 + bias 6; (10 - 3) + 1 = 8.
        ["grouped"] = new(ActivationShape.Image(4, 10, 10), Conv(6, 3, groups: 2), "6x8x8", 114, 6 * 64 * (2 * 18 + 1)),
        // Dilation 2 spreads a 3x3 kernel over 5x5: 15 - 5 + 1 = 11.
        ["dilated"] = new(ActivationShape.Image(3, 15, 15), Conv(4, 3, dilation: 2, bias: false), "4x11x11", 108, 4 * 121 * 2 * 27),
        // Padding only at the bottom and right (SAME at stride 2): (15 + 1 - 3) / 2 + 1 = 7.
        ["asymmetric conv"] = new(ActivationShape.Image(3, 15, 15), Conv(8, 3, 2, new Padding2(0, 0, 1, 1), groups: 1), "8x7x7", 224, 8 * 49 * (2 * 27 + 1)),
        ["batchnorm"] = new(ActivationShape.Image(3, 5, 5), new BatchNormOp(), "3x5x5", 12, 2 * 75),
        ["relu6"] = new(ActivationShape.Image(3, 5, 5), new ClipOp(0, 6), "3x5x5", 0, 75),
        ["leakyrelu"] = new(ActivationShape.Image(3, 5, 5), new LeakyReluOp(0.1), "3x5x5", 0, 75),
        ["sigmoid"] = new(ActivationShape.Image(3, 5, 5), new SigmoidOp(), "3x5x5", 0, 75),
        ["hardswish"] = new(ActivationShape.Image(3, 5, 5), new HardSwishOp(), "3x5x5", 0, 75),
        ["dropout"] = new(ActivationShape.Image(3, 5, 5), new DropoutOp(0.5), "3x5x5", 0, 0),
        // Floor: (16 - 3) / 2 + 1 = 7; 9 comparisons per output.
        ["maxpool floor"] = new(ActivationShape.Image(3, 16, 16), MaxPool(3, 2), "3x7x7", 0, 3 * 49 * 9),
        // Ceil: ceil(13 / 2) + 1 = 8, and the 8th window starts at 14, inside the 16 pixels, so it stays.
        ["maxpool ceil"] = new(ActivationShape.Image(3, 16, 16), MaxPool(3, 2, ceil: true), "3x8x8", 0, 3 * 64 * 9),
        // Ceil with end padding: ceil((4 + 1 - 2) / 2) + 1 = 3, but the 3rd window would start at 4, in the padding: 2.
        ["maxpool ceil asymmetric"] = new(ActivationShape.Image(3, 4, 4),
            new MaxPoolOp(Size2.Square(2), Size2.Square(2), new Padding2(0, 0, 1, 1), CeilMode: true), "3x2x2", 0, 3 * 4 * 4),
        // (15 + 2 - 3) / 2 + 1 = 8.
        ["avgpool padded"] = new(ActivationShape.Image(3, 15, 15), AvgPool(3, 2, Padding2.Symmetric(1, 1)), "3x8x8", 0, 3 * 64 * 9),
        // Height (14 + 1 - 3) / 2 + 1 = 7 (ceil: 6 / 2 exact), width (14 + 0 + 1 - 3) ceil / 2 + 1 = 7.
        ["avgpool asymmetric ceil"] = new(ActivationShape.Image(3, 14, 14), AvgPool(3, 2, new Padding2(1, 0, 0, 1), ceil: true), "3x7x7", 0, 3 * 49 * 9),
        ["globalavgpool"] = new(ActivationShape.Image(3, 5, 5), new GlobalAvgPoolOp(), "3", 0, 75),
        ["flatten"] = new(ActivationShape.Image(3, 5, 5), new FlattenOp(), "75", 0, 0),
        // 10 x 75 weight + 10 bias; 2 * 75 per output + bias.
        ["linear"] = new(ActivationShape.Vector(75), new LinearOp(10), "10", 760, 10 * (2 * 75 + 1)),
    };

    public static TheoryData<string> Names => [.. Cases.Keys];

    [Theory]
    [MemberData(nameof(Names))]
    public void Should_InferShapeParametersAndFlopsByHand_When_AnOperationIsAnalysed(string name)
    {
        var c = Cases[name];
        GraphNode[] head = c.Shape.Contains('x', StringComparison.Ordinal) ? [Node("pool", new GlobalAvgPoolOp(), "op"), Node("fc", new LinearOp(10), "pool")]
            : c.Op is LinearOp ? []
            : [Node("fc", new LinearOp(10), "op")];
        var spec = Spec("shape", c.Input, 10, [Node("op", c.Op, GraphSpec.InputName), .. head]);

        var analysis = ModelAnalysis.Analyze(spec);

        Assert.Empty(analysis.Errors);
        var node = analysis.Node("op");
        Assert.Equal(c.Shape, node.OutputShape.ToString());
        Assert.Equal(c.Parameters, node.Parameters);
        Assert.Equal(c.Flops, node.ForwardFlops);
    }

    [Fact]
    public void Should_JoinChannels_When_ImagesAreConcatenated()
    {
        var spec = Spec("concat", ActivationShape.Image(3, 9, 9), 10,
            Node("a", Conv(4, 3, padding: 1), GraphSpec.InputName),
            Node("b", MaxPool(3, 1, padding: 1), GraphSpec.InputName),
            Node("cat", new ConcatOp(), "a", "b", GraphSpec.InputName),
            Node("pool", new GlobalAvgPoolOp(), "cat"),
            Node("fc", new LinearOp(10), "pool"));

        var analysis = ModelAnalysis.Analyze(spec);

        Assert.Empty(analysis.Errors);
        // 4 + 3 + 3 channels at the shared 9x9.
        Assert.Equal("10x9x9", analysis.Node("cat").OutputShape.ToString());
        Assert.Equal(["4x9x9", "3x9x9", "3x9x9"], analysis.Node("cat").InputShapes.Select(s => s.ToString()));
    }

    [Fact]
    public void Should_NameBothShapes_When_AddedValuesDiffer()
    {
        var spec = Spec("add", ActivationShape.Image(3, 9, 9), 10,
            Node("a", Conv(4, 3), GraphSpec.InputName),
            Node("sum", new AddOp(), "a", GraphSpec.InputName),
            Node("pool", new GlobalAvgPoolOp(), "sum"),
            Node("fc", new LinearOp(10), "pool"));

        var error = Assert.Single(ModelAnalysis.Analyze(spec).Errors);

        Assert.Contains("4x7x7 ('a') and 3x9x9 ('input')", error.Message, StringComparison.Ordinal);
    }
}
