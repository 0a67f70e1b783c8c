using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Versus.Engines.TorchSharp.Modules;

/// <summary>The whole network; its layers live in a Sequential registered as "layers", so names read layers.{i}.weight.</summary>
internal sealed class SpecNetwork : nn.Module<Tensor, Tensor>
{
    private readonly Sequential layers;

    public SpecNetwork(Sequential layers) : base("SpecNetwork")
    {
        this.layers = layers;
        register_module("layers", layers);
    }

    public override Tensor forward(Tensor input) => layers.forward(input);
}
