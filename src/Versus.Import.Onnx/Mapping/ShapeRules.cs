using Versus.Core.Models;
using Versus.Core.Models.Graphs;

namespace Versus.Import.Onnx.Mapping;

/// <summary>
/// The output shape of each mapped operation, as the importer needs it while it reads (SAME padding and Shape nodes
/// depend on it). The spec's own shape inference checks the finished graph again, with its messages.
/// </summary>
internal static class ShapeRules
{
    public static ActivationShape Output(NodeOp op, IReadOnlyList<ActivationShape> inputs, string describe)
    {
        var x = inputs[0];
        return op switch
        {
            ConvOp c => Image(describe, x, c.OutChannels,
                Slide(x.Height, c.Padding.Top + c.Padding.Bottom, c.Dilation.Height * (c.Kernel.Height - 1) + 1, c.Stride.Height, false),
                Slide(x.Width, c.Padding.Left + c.Padding.Right, c.Dilation.Width * (c.Kernel.Width - 1) + 1, c.Stride.Width, false)),
            MaxPoolOp p => Pool(describe, x, p.Kernel, p.Stride, p.Padding, p.CeilMode),
            AvgPoolOp p => Pool(describe, x, p.Kernel, p.Stride, p.Padding, p.CeilMode),
            GlobalAvgPoolOp => ActivationShape.Vector(x.Channels),
            FlattenOp => ActivationShape.Vector(checked((int)x.Elements)),
            LinearOp l => ActivationShape.Vector(l.OutFeatures),
            ConcatOp => ActivationShape.Image(inputs.Sum(s => s.Channels), x.Height, x.Width),
            _ => x,
        };
    }

    private static ActivationShape Pool(string describe, ActivationShape x, Size2 kernel, Size2 stride, Padding2 padding, bool ceil) =>
        Image(describe, x, x.Channels,
            PoolSlide(x.Height, padding.Top, padding.Bottom, kernel.Height, stride.Height, ceil),
            PoolSlide(x.Width, padding.Left, padding.Right, kernel.Width, stride.Width, ceil));

    private static ActivationShape Image(string describe, ActivationShape x, int channels, int height, int width)
    {
        if (x.IsFlat)
            throw new OnnxImportException($"{describe} needs an image (N x C x H x W) but gets a vector of {x.Channels}");
        if (height < 1 || width < 1)
            throw new OnnxImportException($"{describe}'s window does not fit its {x} input");
        return ActivationShape.Image(channels, height, width);
    }

    /// <summary>In ceil mode the last window must start inside the input or its leading padding (PyTorch's and the spec's rule).</summary>
    private static int PoolSlide(int size, int before, int after, int kernel, int stride, bool ceil)
    {
        var count = Slide(size, before + after, kernel, stride, ceil);
        if (ceil && count > 0 && (count - 1) * stride >= size + before) count--;
        return count;
    }

    private static int Slide(int size, int padding, int extent, int stride, bool ceil)
    {
        var span = size + padding - extent;
        if (span < 0) return 0;
        return (ceil ? (span + stride - 1) / stride : span / stride) + 1;
    }
}
