using System.Text.Json.Serialization;

namespace Versus.Core.Parity;

/// <summary>
/// An engine's logits for fixed test images, taken by every inference measurement from the shared initial weights right
/// after its model is built and, at its end, from the reference engine's trained state, so any two engines can be
/// compared without running them side by side.
/// </summary>
/// <param name="Weights">Which state the logits came from; null in results before 1.4, where it was always the initial weights.</param>
/// <param name="Problem">Why this engine gave no logits for that state (the load or the prediction failed); a check with it fails.</param>
public sealed record ParityProbe(IReadOnlyList<int> Indices, int Classes, IReadOnlyList<float> Logits, ParityWeights? Weights = null,
    string? Problem = null)
{
    /// <summary>The state the logits came from, reading a probe without one as the initial weights.</summary>
    [JsonIgnore]
    public ParityWeights State => Weights ?? ParityWeights.Initial;

    /// <summary>The first 16 test images: enough to exercise every class path, small enough to keep in results.json.</summary>
    public static readonly int[] DefaultIndices = [.. Enumerable.Range(0, 16)];
}
