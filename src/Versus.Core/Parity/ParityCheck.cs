namespace Versus.Core.Parity;

/// <summary>
/// Whether two engines computed the same thing on one workload. A comparison between engines whose parity failed is
/// invalid, and the report says so beside every figure it affects.
/// </summary>
public sealed record ParityCheck(
    string Workload,
    string EngineA,
    string EngineB,
    ParityKind Kind,
    double MaxAbsDifference,
    double Tolerance,
    bool Passed,
    int Values,
    string Method);

public enum ParityKind
{
    /// <summary>Logits of the same test images from the same initial weights (fp32): max |a - b| within 1e-4 (scaled beyond logits of 100).</summary>
    Forward,

    /// <summary>Losses of the first training steps on the same batches in the same order: max |a - b| within the tolerance.</summary>
    TrainingLoss,
}
