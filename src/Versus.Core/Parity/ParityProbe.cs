namespace Versus.Core.Parity;

/// <summary>
/// An engine's logits for fixed test images from the shared initial weights, taken by every inference measurement
/// right after its model is built, so any two engines can be compared without running them side by side.
/// </summary>
public sealed record ParityProbe(IReadOnlyList<int> Indices, int Classes, IReadOnlyList<float> Logits)
{
    /// <summary>The first 16 test images: enough to exercise every class path, small enough to keep in results.json.</summary>
    public static readonly int[] DefaultIndices = [.. Enumerable.Range(0, 16)];
}
