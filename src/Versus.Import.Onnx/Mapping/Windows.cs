using Versus.Core.Models.Graphs;

namespace Versus.Import.Onnx.Mapping;

/// <summary>
/// Sliding-window geometry shared by Conv, MaxPool and AveragePool: ONNX's explicit pads (begin, begin, end, end) and
/// its auto_pad modes resolved to explicit padding from the static input size.
/// </summary>
internal static class Windows
{
    /// <param name="extent">The dilated kernel size per axis, (k - 1) * d + 1.</param>
    public static Padding2 Padding(string autoPad, long[]? pads, int height, int width, Size2 extent, Size2 stride, string describe)
    {
        switch (autoPad)
        {
            case "NOTSET" or "":
                if (pads is null) return Padding2.None;
                if (pads.Length != 4 || pads.Any(p => p is < 0 or > 1024))
                    throw new OnnxImportException($"{describe} has pads [{string.Join(", ", pads)}]; a 2-D window needs four non-negative pads");
                return new Padding2((int)pads[0], (int)pads[1], (int)pads[2], (int)pads[3]);
            case "VALID":
                return Padding2.None;
            case "SAME_UPPER" or "SAME_LOWER":
                var (top, bottom) = Same(height, extent.Height, stride.Height, autoPad == "SAME_UPPER");
                var (left, right) = Same(width, extent.Width, stride.Width, autoPad == "SAME_UPPER");
                return new Padding2(top, left, bottom, right);
            default:
                throw new OnnxImportException($"{describe} has auto_pad '{autoPad}'; allowed: NOTSET, VALID, SAME_UPPER, SAME_LOWER");
        }
    }

    /// <summary>SAME: output = ceil(input / stride); the odd pixel goes at the end (UPPER) or the beginning (LOWER).</summary>
    private static (int Begin, int End) Same(int size, int extent, int stride, bool upper)
    {
        var output = (size + stride - 1) / stride;
        var total = Math.Max(0, (output - 1) * stride + extent - size);
        var small = total / 2;
        return upper ? (small, total - small) : (total - small, small);
    }

    public static Size2 Pair(long[]? values, int fallback, string name, string describe)
    {
        if (values is null) return Size2.Square(fallback);
        if (values.Length != 2 || values.Any(v => v is < 1 or > 1024))
            throw new OnnxImportException($"{describe} has {name} [{string.Join(", ", values)}]; a 2-D window needs two values from 1 to 1024");
        return new Size2((int)values[0], (int)values[1]);
    }
}
