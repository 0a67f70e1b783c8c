using Versus.Core.Models;
using static Versus.Export.Onnx.Graph.Attributes;

namespace Versus.Export.Onnx.Graph;

/// <summary>
/// Writes each spec layer as ONNX nodes in inference form. Canonical (PyTorch) layouts need no conversion: conv
/// weights are OIHW as ONNX's Conv expects, linear weights [out, in] go to Gemm with transB = 1, and activations stay
/// NCHW so Flatten(axis = 1) keeps PyTorch's C, H, W order.
/// </summary>
internal sealed class LayerEmitter(GraphBuilder graph)
{
    /// <summary>Emits <paramref name="layer"/> reading <paramref name="input"/>; returns the name of its output value.</summary>
    public string Emit(LayerSpec layer, string input, ActivationShape shape, string name) => layer switch
    {
        Conv2dLayer c => Conv(c, input, shape.Channels, name),
        BatchNorm2dLayer b => BatchNorm(input, shape.Channels, b.Epsilon, name),
        ReluLayer => graph.Node("Relu", name, [input]),
        MaxPool2dLayer p => graph.Node("MaxPool", name, [input],
            Ints("kernel_shape", p.Kernel, p.Kernel), Ints("strides", p.Stride, p.Stride), Ints("pads", 0, 0, 0, 0), Int("ceil_mode", 0)),
        // GlobalAveragePool keeps N x C x 1 x 1; the spec's layer yields a vector, so flatten it for a following Gemm.
        GlobalAvgPoolLayer => graph.Node("Flatten", $"{name}.flatten", [graph.Node("GlobalAveragePool", name, [input])], Int("axis", 1)),
        FlattenLayer => graph.Node("Flatten", name, [input], Int("axis", 1)),
        LinearLayer l => Linear(l, input, shape, name),
        // Kept as a node so the graph mirrors the spec; with training_mode absent (false) it is the identity.
        DropoutLayer d => graph.Node("Dropout", name, [input, graph.Constant($"{name}.ratio", (float)d.Probability)]),
        ResidualLayer r => Residual(r, input, shape, name),
        _ => throw new OnnxExportException($"Layer {name} of kind '{layer.Kind}' has no ONNX mapping."),
    };

    private string Conv(Conv2dLayer c, string input, int inChannels, string name)
    {
        var inputs = new List<string> { input, graph.Weight($"{name}.weight", [c.OutChannels, inChannels, c.Kernel, c.Kernel]) };
        if (c.Bias) inputs.Add(graph.Weight($"{name}.bias", [c.OutChannels]));
        return graph.Node("Conv", name, inputs,
            Ints("kernel_shape", c.Kernel, c.Kernel),
            Ints("strides", c.Stride, c.Stride),
            Ints("pads", c.Padding, c.Padding, c.Padding, c.Padding),
            Ints("dilations", 1, 1),
            Int("group", 1));
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

    private string Linear(LinearLayer l, string input, ActivationShape shape, string name)
    {
        var features = checked((int)shape.Elements);
        var inputs = new List<string> { input, graph.Weight($"{name}.weight", [l.OutFeatures, features]) };
        if (l.Bias) inputs.Add(graph.Weight($"{name}.bias", [l.OutFeatures]));
        return graph.Node("Gemm", name, inputs, Float("alpha", 1f), Float("beta", 1f), Int("transA", 0), Int("transB", 1));
    }

    /// <summary>y = relu(body(x) + shortcut(x)); a projection shortcut is a 1x1 conv (no bias) and batch norm at PyTorch's defaults.</summary>
    private string Residual(ResidualLayer r, string input, ActivationShape shape, string name)
    {
        var x = input;
        var bodyShape = shape;
        var stride = 1;
        for (var j = 0; j < r.Body.Count; j++)
        {
            var layer = r.Body[j];
            x = Emit(layer, x, bodyShape, $"{name}.body.{j}");
            bodyShape = layer is Conv2dLayer c ? bodyShape with { Channels = c.OutChannels } : bodyShape;
            stride *= layer switch { Conv2dLayer c2 => c2.Stride, MaxPool2dLayer p => p.Stride, _ => 1 };
        }
        var shortcut = input;
        if (r.Shortcut == ShortcutKind.Projection)
        {
            var projection = new Conv2dLayer(bodyShape.Channels, Kernel: 1, Stride: stride, Bias: false);
            var projected = Conv(projection, input, shape.Channels, $"{name}.shortcut.conv");
            shortcut = BatchNorm(projected, bodyShape.Channels, new BatchNorm2dLayer().Epsilon, $"{name}.shortcut.bn");
        }
        var sum = graph.Node("Add", $"{name}.add", [x, shortcut]);
        return graph.Node("Relu", $"{name}.relu", [sum]);
    }
}
