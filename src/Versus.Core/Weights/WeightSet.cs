namespace Versus.Core.Weights;

/// <summary>A model's complete state (trainable parameters and batch-norm running statistics) in canonical order.</summary>
public sealed record WeightSet(IReadOnlyList<NamedTensor> Tensors, IReadOnlyDictionary<string, string> Metadata)
{
    public NamedTensor this[string name] =>
        Tensors.FirstOrDefault(t => t.Name == name) ?? throw new KeyNotFoundException($"No tensor named '{name}' in the weight set.");

    public long TotalElements => Tensors.Sum(t => t.Elements);
}
