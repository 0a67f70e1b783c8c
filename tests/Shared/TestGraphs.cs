using Versus.Core.Models;
using Versus.Core.Models.Graphs;

namespace Versus.Testing;

/// <summary>Graph specs built in code (Layers empty, Graph set), as an ONNX import or a graph spec file yields them.</summary>
public static class TestGraphs
{
    private static readonly TrainingSpec Training = new(OptimizerKind.Sgd, 0.01, 0.9, BatchSize: 8, Epochs: 1, TargetAccuracy: 0.5);

    public static ModelSpec Spec(string id, ActivationShape input, int classes, params GraphNode[] nodes) =>
        new(id, $"{id} (test graph)", input, classes, [], Training, 8, "inline") { Graph = new GraphSpec(nodes, nodes[^1].Name) };

    /// <summary>A node reading <paramref name="inputs"/>.</summary>
    public static GraphNode Node(string name, NodeOp op, params string[] inputs) => new(name, op, inputs);

    public static ConvOp Conv(int outChannels, int kernel, int stride = 1, int padding = 0, int groups = 1, int dilation = 1, bool bias = true) =>
        new(outChannels, Size2.Square(kernel), Size2.Square(stride), Size2.Square(dilation), Padding2.Symmetric(padding, padding), groups, bias);

    public static ConvOp Conv(int outChannels, int kernel, int stride, Padding2 padding, int groups = 1) =>
        new(outChannels, Size2.Square(kernel), Size2.Square(stride), Size2.Square(1), padding, groups);

    public static MaxPoolOp MaxPool(int kernel, int stride, int padding = 0, bool ceil = false) =>
        new(Size2.Square(kernel), Size2.Square(stride), Padding2.Symmetric(padding, padding), ceil);

    public static AvgPoolOp AvgPool(int kernel, int stride, Padding2 padding, bool ceil = false, bool countIncludePad = false) =>
        new(Size2.Square(kernel), Size2.Square(stride), padding, ceil, countIncludePad);
}
