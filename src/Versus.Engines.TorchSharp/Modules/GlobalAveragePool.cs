using TorchSharp;
using static TorchSharp.torch;

namespace Versus.Engines.TorchSharp.Modules;

/// <summary>The spec's globalavgpool: N x C x H x W to N x C (pooling and flattening in one, as the spec defines it).</summary>
internal sealed class GlobalAveragePool() : nn.Module<Tensor, Tensor>("GlobalAveragePool")
{
    private static readonly long[] SpatialDimensions = [2, 3];

    public override Tensor forward(Tensor input) => input.mean(SpatialDimensions);
}
