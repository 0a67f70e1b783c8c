using Onnx;
using Versus.Core.Models.Graphs;
using static Versus.Export.Onnx.Graph.Attributes;

namespace Versus.Export.Onnx.Graph;

/// <summary>
/// Writes each graph node as ONNX nodes in inference form. Canonical (PyTorch) layouts need no conversion: conv
/// weights are OIHW (in/groups) as ONNX's Conv expects, linear weights [out, in] go to Gemm with transB = 1, and
/// activations stay NCHW so Flatten(axis = 1) keeps PyTorch's C, H, W order.
/// </summary>
internal sealed class NodeEmitter(GraphBuilder graph)
{
    /// <summary>Emits <paramref name="node"/> reading <paramref name="inputs"/> (value names); returns the name of its output value.</summary>
    public string Emit(NodeAnalysis node, IReadOnlyList<string> inputs)
    {
        var name = node.Name;
        var x = inputs[0];
        return node.Node.Op switch
        {
            ConvOp c => Conv(c, x, node.InChannels, name),
            BatchNormOp b => BatchNorm(x, node.InChannels, b.Epsilon, name),
            ReluOp => graph.Node("Relu", name, [x]),
            // Since opset 11 the bounds are inputs, not attributes.
            ClipOp c => graph.Node("Clip", name, [x, graph.Constant($"{name}.min", (float)c.Min), graph.Constant($"{name}.max", (float)c.Max)]),
            LeakyReluOp l => graph.Node("LeakyRelu", name, [x], Float("alpha", (float)l.Alpha)),
            SigmoidOp => graph.Node("Sigmoid", name, [x]),
            HardSwishOp => graph.Node("HardSwish", name, [x]),
            MaxPoolOp p => graph.Node("MaxPool", name, [x], Window(p.Kernel, p.Stride, FloorPadding(p.Kernel, p.Stride, p.Padding, node))),
            AvgPoolOp p => AvgPool(p, x, node),
            // GlobalAveragePool keeps N x C x 1 x 1; the spec's node yields a vector, so flatten it for a following Gemm.
            GlobalAvgPoolOp => graph.Node("Flatten", $"{name}.flatten", [graph.Node("GlobalAveragePool", name, [x])], Int("axis", 1)),
            FlattenOp => graph.Node("Flatten", name, [x], Int("axis", 1)),
            LinearOp l => Linear(l, x, node.InChannels, name),
            AddOp => graph.Node("Add", name, inputs),
            ConcatOp => graph.Node("Concat", name, inputs, Int("axis", 1)),
            // Kept as a node so the graph mirrors the spec; with training_mode absent (false) it is the identity.
            DropoutOp d => graph.Node("Dropout", name, [x, graph.Constant($"{name}.ratio", (float)d.Probability)]),
            _ => throw new OnnxExportException($"Node {name} of operation '{node.Node.Op.Kind}' has no ONNX mapping."),
        };
    }

    private string Conv(ConvOp c, string input, int inChannels, string name)
    {
        var inputs = new List<string> { input, graph.Weight($"{name}.weight", [c.OutChannels, inChannels / c.Groups, c.Kernel.Height, c.Kernel.Width]) };
        if (c.Bias) inputs.Add(graph.Weight($"{name}.bias", [c.OutChannels]));
        return graph.Node("Conv", name, inputs,
            Ints("kernel_shape", c.Kernel.Height, c.Kernel.Width),
            Ints("strides", c.Stride.Height, c.Stride.Width),
            Pads(c.Padding),
            Ints("dilations", c.Dilation.Height, c.Dilation.Width),
            Int("group", c.Groups));
    }

    /// <summary>Inference-mode batch norm: y = scale * (x - running_mean) / sqrt(running_var + epsilon) + shift.</summary>
    private string BatchNorm(string input, int channels, double epsilon, string name) =>
        graph.Node("BatchNormalization", name,
            [
                input,
                graph.Weight($"{name}.weight", [channels]),
                graph.Weight($"{name}.bias", [channels]),
                graph.Weight($"{name}.running_mean", [channels]),
                graph.Weight($"{name}.running_var", [channels]),
            ],
            Float("epsilon", (float)epsilon));

    /// <summary>
    /// Floor mode over the grown end padding (<see cref="FloorModePadding"/>). Where the divisor counts the declared
    /// padding and windows reach past it, that padding becomes real zeros (a Pad node) and only the growth stays
    /// uncounted, which is PyTorch's divisor; ONNX's count_include_pad would count the growth too.
    /// </summary>
    private string AvgPool(AvgPoolOp p, string input, NodeAnalysis node)
    {
        var floor = FloorPadding(p.Kernel, p.Stride, p.Padding, node);
        if (!p.CountIncludePad || floor == p.Padding)
            return graph.Node("AveragePool", node.Name, [input], [.. Window(p.Kernel, p.Stride, floor), Int("count_include_pad", p.CountIncludePad ? 1 : 0)]);
        var padded = graph.Node("Pad", $"{node.Name}.pad", [input, graph.Int64s($"{node.Name}.pads", [0, 0, p.Padding.Top, p.Padding.Left, 0, 0, p.Padding.Bottom, p.Padding.Right])]);
        var growth = new Padding2(0, 0, floor.Bottom - p.Padding.Bottom, floor.Right - p.Padding.Right);
        return graph.Node("AveragePool", node.Name, [padded], [.. Window(p.Kernel, p.Stride, growth), Int("count_include_pad", 0)]);
    }

    private static Padding2 FloorPadding(Size2 kernel, Size2 stride, Padding2 padding, NodeAnalysis node) =>
        FloorModePadding.For(kernel, stride, padding, node.InputShapes[0], node.OutputShape);

    private static AttributeProto[] Window(Size2 kernel, Size2 stride, Padding2 padding) =>
        [Ints("kernel_shape", kernel.Height, kernel.Width), Ints("strides", stride.Height, stride.Width), Pads(padding), Int("ceil_mode", 0)];

    /// <summary>ONNX orders pads as all begins then all ends: [top, left, bottom, right].</summary>
    private static AttributeProto Pads(Padding2 p) => Ints("pads", p.Top, p.Left, p.Bottom, p.Right);

    private string Linear(LinearOp l, string input, int features, string name)
    {
        var inputs = new List<string> { input, graph.Weight($"{name}.weight", [l.OutFeatures, features]) };
        if (l.Bias) inputs.Add(graph.Weight($"{name}.bias", [l.OutFeatures]));
        return graph.Node("Gemm", name, inputs, Float("alpha", 1f), Float("beta", 1f), Int("transA", 0), Int("transB", 1));
    }
}
