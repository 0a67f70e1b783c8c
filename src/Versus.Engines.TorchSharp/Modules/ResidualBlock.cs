using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Versus.Engines.TorchSharp.Modules;

/// <summary>
/// y = relu(body(x) + shortcut(x)). Children are registered as "body" and, for a projection, "shortcut" with "conv" and
/// "bn" inside, so parameter names match the canonical layout (layers.{i}.body.{j}.weight, layers.{i}.shortcut.conv.weight).
/// </summary>
internal sealed class ResidualBlock : nn.Module<Tensor, Tensor>
{
    private readonly Sequential body;
    private readonly Sequential? shortcut;

    public ResidualBlock(Sequential body, Sequential? shortcut) : base("ResidualBlock")
    {
        this.body = body;
        this.shortcut = shortcut;
        register_module("body", body);
        if (shortcut is not null) register_module("shortcut", shortcut);
    }

    public override Tensor forward(Tensor input)
    {
        var residual = body.forward(input);
        var identity = shortcut is null ? input : shortcut.forward(input);
        // Not in place: a body may end in a layer (relu) whose backward needs its own output.
        return nn.functional.relu(residual.add(identity));
    }
}
