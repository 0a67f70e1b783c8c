using static TorchSharp.torch;

namespace Versus.Engines.TorchSharp.Modules;

/// <summary>
/// One graph node at run time. Values live in numbered slots (slot 0 is the network's input) so the forward pass does no
/// name lookups; <see cref="Releases"/> lists the slots whose last reader is this node.
/// </summary>
internal sealed record GraphStep(string Name, int[] Inputs, int Output, int[] Releases, Func<Tensor[], Tensor> Apply);
