using TorchSharp;
using Versus.Core.Models.Graphs;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace Versus.Engines.TorchSharp.Modules;

/// <summary>
/// One graph node as TorchSharp computes it: the module that holds its state (registered under the node's name), if
/// any, and the function from its input values to its output. Stateless operations use libtorch's functional forms.
/// </summary>
internal static class NodeModules
{
    private static readonly long[] SpatialDimensions = [2, 3];

    public static (nn.Module? Module, Func<Tensor[], Tensor> Apply) Create(NodeAnalysis node) => node.Node.Op switch
    {
        ConvOp c => Conv(c, node.InChannels),
        BatchNormOp b => Unary(nn.BatchNorm2d(node.InChannels, eps: b.Epsilon, momentum: b.Momentum)),
        ReluOp => Stateless(x => F.relu(x)),
        // clamp, not hardtanh (PyTorch's ReLU6): TorchSharp 0.107's hardtanh(0, 6) is not ReLU6 (0.47 off ONNX Runtime's
        // Clip on a small graph, GraphParityTests); the two differ otherwise only in the gradient exactly at a bound.
        ClipOp c => Stateless(x => x.clamp(c.Min, c.Max)),
        LeakyReluOp l => Stateless(x => F.leaky_relu(x, l.Alpha)),
        SigmoidOp => Stateless(x => x.sigmoid()),
        HardSwishOp => Stateless(x => F.hardswish(x)),
        MaxPoolOp p => MaxPool(p, node),
        AvgPoolOp p => AvgPool(p, node),
        GlobalAvgPoolOp => Stateless(x => x.mean(SpatialDimensions)),
        FlattenOp => Stateless(x => x.flatten(1)),
        LinearOp l => Unary(nn.Linear(node.InChannels, l.OutFeatures, hasBias: l.Bias)),
        AddOp => (null, xs => xs[0].add(xs[1])),
        ConcatOp => (null, xs => cat(xs, 1)),
        DropoutOp d => Unary(nn.Dropout(d.Probability)),
        _ => throw new NotSupportedException($"The TorchSharp engine has no mapping for operation '{node.Node.Op.Kind}' (node {node.Name})."),
    };

    private static (nn.Module?, Func<Tensor[], Tensor>) Unary(nn.Module<Tensor, Tensor> module) => (module, xs => module.forward(xs[0]));

    private static (nn.Module?, Func<Tensor[], Tensor>) Stateless(Func<Tensor, Tensor> apply) => (null, xs => apply(xs[0]));

    /// <summary>libtorch pads both sides alike; asymmetric padding (TensorFlow's and ONNX's SAME) is an explicit zero pad first.</summary>
    private static (nn.Module?, Func<Tensor[], Tensor>) Conv(ConvOp c, int inChannels)
    {
        var p = c.Padding;
        var conv = nn.Conv2d(inChannels, c.OutChannels, (c.Kernel.Height, c.Kernel.Width),
            stride: (c.Stride.Height, c.Stride.Width),
            padding: p.IsSymmetric ? (p.Top, p.Left) : (0, 0),
            dilation: (c.Dilation.Height, c.Dilation.Width),
            groups: c.Groups,
            bias: c.Bias);
        if (p.IsSymmetric) return Unary(conv);
        long[] pad = PadArgument(p);
        return (conv, xs => conv.forward(F.pad(xs[0], pad)));
    }

    /// <summary>
    /// Symmetric padding is libtorch's own (its ceil mode is the spec's); asymmetric padding is minus infinity padded
    /// first, grown to floor mode (<see cref="FloorModePadding"/>), so no window ever takes a padded value.
    /// </summary>
    private static (nn.Module?, Func<Tensor[], Tensor>) MaxPool(MaxPoolOp op, NodeAnalysis node)
    {
        long[] kernel = [op.Kernel.Height, op.Kernel.Width];
        long[] stride = [op.Stride.Height, op.Stride.Width];
        var p = op.Padding;
        if (p.IsSymmetric)
            return Unary(nn.MaxPool2d(kernel, stride, [p.Top, p.Left], ceil_mode: op.CeilMode));
        long[] pad = PadArgument(FloorModePadding.For(op.Kernel, op.Stride, p, node.InputShapes[0], node.OutputShape));
        return Stateless(x => F.max_pool2d(F.pad(x, pad, value: double.NegativeInfinity), kernel, stride));
    }

    private static (nn.Module?, Func<Tensor[], Tensor>) AvgPool(AvgPoolOp op, NodeAnalysis node)
    {
        var p = op.Padding;
        if (p.IsSymmetric)
            return Unary(nn.AvgPool2d([op.Kernel.Height, op.Kernel.Width], [op.Stride.Height, op.Stride.Width], [p.Top, p.Left],
                ceil_mode: op.CeilMode, count_include_pad: op.CountIncludePad));
        return Unary(new AsymmetricAvgPool(op, node.InputShapes[0], node.OutputShape));
    }

    /// <summary>libtorch's pad order: last dimension first (left, right, top, bottom).</summary>
    internal static long[] PadArgument(Padding2 p) => [p.Left, p.Right, p.Top, p.Bottom];
}
