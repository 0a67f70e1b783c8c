using System.Diagnostics;
using TorchSharp;
using static TorchSharp.torch;

namespace Versus.Engines.TorchSharp.Training;

/// <summary>
/// Times one n x n fp32 matrix product. The operands are kept between calls of the same size so repeated samples time
/// the product alone; the result is allocated inside the timed region, as any real use of matmul does.
/// </summary>
internal sealed class MatmulTimer : IDisposable
{
    private int size;
    private Tensor? left;
    private Tensor? right;

    public double Time(int n)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        if (n != size || left is null || right is null)
        {
            Release();
            left = rand(n, n, ScalarType.Float32).DetachFromDisposeScope();
            right = rand(n, n, ScalarType.Float32).DetachFromDisposeScope();
            size = n;
        }
        using var scope = NewDisposeScope();
        var clock = Stopwatch.StartNew();
        // CPU kernels run synchronously: the product is materialised when mm returns.
        mm(left, right);
        clock.Stop();
        return clock.Elapsed.TotalSeconds;
    }

    public void Dispose() => Release();

    private void Release()
    {
        left?.Dispose();
        right?.Dispose();
        left = right = null;
        size = 0;
    }
}
