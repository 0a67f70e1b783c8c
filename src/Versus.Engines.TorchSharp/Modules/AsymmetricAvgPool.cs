using TorchSharp;
using Versus.Core.Models;
using Versus.Core.Models.Graphs;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace Versus.Engines.TorchSharp.Modules;

/// <summary>
/// Average pooling with padding libtorch cannot express (top differs from bottom or left from right): the input is zero
/// padded, windows are summed in floor mode (<see cref="FloorModePadding"/>), and each sum is divided by what the spec
/// counts in that window: the input elements, plus the declared padding with countIncludePad, never the floor-mode
/// growth beyond it (PyTorch's divisor in ceil mode). The divisors depend only on the shape, so they are computed once.
/// </summary>
internal sealed class AsymmetricAvgPool : nn.Module<Tensor, Tensor>
{
    private readonly long[] kernel;
    private readonly long[] stride;
    private readonly long[] pad;
    private readonly Tensor divisor;

    public AsymmetricAvgPool(AvgPoolOp op, ActivationShape input, ActivationShape output) : base(nameof(AsymmetricAvgPool))
    {
        kernel = [op.Kernel.Height, op.Kernel.Width];
        stride = [op.Stride.Height, op.Stride.Width];
        var floor = FloorModePadding.For(op.Kernel, op.Stride, op.Padding, input, output);
        pad = NodeModules.PadArgument(floor);
        var height = input.Height + floor.Top + floor.Bottom;
        var width = input.Width + floor.Left + floor.Right;
        var counted = new float[height * width];
        var (rows, columns) = op.CountIncludePad
            ? ((0, floor.Top + input.Height + op.Padding.Bottom), (0, floor.Left + input.Width + op.Padding.Right))
            : ((floor.Top, floor.Top + input.Height), (floor.Left, floor.Left + input.Width));
        for (var r = rows.Item1; r < rows.Item2; r++)
            for (var c = columns.Item1; c < columns.Item2; c++) counted[r * width + c] = 1;
        using var scope = NewDisposeScope();
        divisor = F.avg_pool2d(tensor(counted, [1, 1, height, width]), kernel, stride, divisor_override: 1).DetachFromDisposeScope();
    }

    public override Tensor forward(Tensor input) =>
        F.avg_pool2d(F.pad(input, pad), kernel, stride, divisor_override: 1).div(divisor);

    /// <summary>The divisors are a constant of the shape, not state: registering them as a buffer would add a tensor the canonical layout lacks.</summary>
    protected override void RegisterComponents()
    {
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) divisor.Dispose();
        base.Dispose(disposing);
    }
}
