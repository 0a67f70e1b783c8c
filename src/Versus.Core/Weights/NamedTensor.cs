namespace Versus.Core.Weights;

/// <summary>A float32 tensor with its canonical name and shape, row-major.</summary>
public sealed record NamedTensor(string Name, int[] Shape, float[] Data)
{
    public long Elements => Shape.Aggregate(1L, (a, d) => a * d);
}
