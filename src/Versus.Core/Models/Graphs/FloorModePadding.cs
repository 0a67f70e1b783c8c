namespace Versus.Core.Models.Graphs;

/// <summary>
/// A pooling window's padding rewritten for floor mode: the bottom and right padding grown until floor mode yields the
/// analysed output size. Ceil mode's last-window rule differs between frameworks and versions (PyTorch drops a window
/// that would start in the end padding; ONNX's formula alone does not), so engines pool in floor mode over this padding
/// and every one of them gets the output size shape inference promised. Padding never reaches a maximum, and an
/// average that must not count it divides by the input elements its window covers.
/// </summary>
public static class FloorModePadding
{
    public static Padding2 For(Size2 kernel, Size2 stride, Padding2 padding, ActivationShape input, ActivationShape output) =>
        padding with
        {
            Bottom = Math.Max(padding.Bottom, End(input.Height, padding.Top, kernel.Height, stride.Height, output.Height)),
            Right = Math.Max(padding.Right, End(input.Width, padding.Left, kernel.Width, stride.Width, output.Width)),
        };

    /// <summary>The end padding after which the last of <paramref name="windows"/> windows ends exactly.</summary>
    private static int End(int size, int before, int kernel, int stride, int windows) => (windows - 1) * stride + kernel - size - before;
}
