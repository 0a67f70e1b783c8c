using static TorchSharp.torch;

namespace Versus.Engines.TorchSharp.Modules;

/// <summary>
/// A part of dotted node names ("layers", then "3" inside it, then "body") that only holds the modules below it. libtorch
/// refuses '.' in a module's name, so the node "layers.3.body.0" is registered as "0" inside "body" inside "3" inside
/// "layers": its parameters then read layers.3.body.0.weight, the canonical name.
/// </summary>
internal sealed class ModuleScope(string name) : nn.Module(name);
