using TorchSharp;
using Versus.Core.Models;
using Versus.Core.Weights;
using static TorchSharp.torch;

namespace Versus.Engines.TorchSharp.Modules;

/// <summary>
/// The network's state tensors under their canonical names, in canonical order. TorchSharp's own names already match
/// (layers.{i}..., body.{j}, shortcut.conv/bn); this checks that once at build time so a mismatch fails loudly rather
/// than leaving a tensor at its random initial value. BatchNorm's num_batches_tracked is not canonical state: it is
/// only reset, since it matters only for cumulative-average batch norm, which the spec does not use.
/// </summary>
internal sealed class CanonicalState
{
    private const string BatchCounterSuffix = ".num_batches_tracked";

    private readonly IReadOnlyList<(ParameterInfo Info, Tensor Tensor)> entries;
    private readonly IReadOnlyList<Tensor> batchCounters;

    public CanonicalState(nn.Module module, ModelAnalysis analysis)
    {
        var tensors = new Dictionary<string, Tensor>();
        foreach (var (name, parameter) in module.named_parameters()) tensors[name] = parameter;
        foreach (var (name, buffer) in module.named_buffers()) tensors[name] = buffer;

        var list = new List<(ParameterInfo, Tensor)>(analysis.ParameterLayout.Count);
        foreach (var info in analysis.ParameterLayout)
        {
            if (!tensors.Remove(info.Name, out var found))
                throw new InvalidOperationException($"The TorchSharp network has no tensor named '{info.Name}' (it has: {string.Join(", ", tensors.Keys)}).");
            if (!found.shape.SequenceEqual(info.Shape.Select(d => (long)d)))
                throw new InvalidOperationException($"TorchSharp's '{info.Name}' has shape [{string.Join(",", found.shape)}] but the canonical shape is [{string.Join(",", info.Shape)}].");
            list.Add((info, found));
        }
        batchCounters = [.. tensors.Where(t => t.Key.EndsWith(BatchCounterSuffix, StringComparison.Ordinal)).Select(t => t.Value)];
        var unexpected = tensors.Keys.Where(k => !k.EndsWith(BatchCounterSuffix, StringComparison.Ordinal)).ToList();
        if (unexpected.Count > 0)
            throw new InvalidOperationException($"The TorchSharp network has state the canonical layout lacks: {string.Join(", ", unexpected)}.");
        entries = list;
    }

    /// <summary>Copies every tensor of <paramref name="weights"/> into the network exactly (float32 to float32).</summary>
    public void Load(WeightSet weights)
    {
        var byName = weights.Tensors.ToDictionary(t => t.Name);
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        foreach (var (info, target) in entries)
        {
            if (!byName.TryGetValue(info.Name, out var source))
                throw new ArgumentException($"The weight set has no tensor '{info.Name}'.", nameof(weights));
            if (!source.Shape.SequenceEqual(info.Shape))
                throw new ArgumentException($"The weight set's '{info.Name}' has shape [{string.Join(",", source.Shape)}], expected [{string.Join(",", info.Shape)}].", nameof(weights));
            target.copy_(tensor(source.Data, target.shape, ScalarType.Float32));
        }
        foreach (var counter in batchCounters) counter.zero_();
    }

    public WeightSet Export(IReadOnlyDictionary<string, string> metadata)
    {
        var tensors = new List<NamedTensor>(entries.Count);
        foreach (var (info, source) in entries)
        {
            using var scope = NewDisposeScope();
            tensors.Add(new NamedTensor(info.Name, [.. info.Shape], source.detach().contiguous().data<float>().ToArray()));
        }
        return new WeightSet(tensors, metadata);
    }
}
