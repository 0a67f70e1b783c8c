namespace Versus.Core.Parity;

/// <summary>
/// Whether two engines computed the same thing on one workload. A comparison between engines whose parity failed is
/// invalid, and the report says so beside every figure it affects. <see cref="MaxAbsDifference"/> is null when the
/// values could not be compared; <see cref="Reason"/> says why a check failed. <see cref="Weights"/> says which state a
/// forward check's logits came from (null on training-loss checks, and on forward checks before 1.4: the initial weights).
/// </summary>
public sealed record ParityCheck(
    string Workload,
    string EngineA,
    string EngineB,
    ParityKind Kind,
    double? MaxAbsDifference,
    double Tolerance,
    bool Passed,
    int Values,
    string Method,
    string? Reason = null,
    ParityWeights? Weights = null);

public enum ParityKind
{
    /// <summary>Logits of the same test images from the same weights (fp32), per image within the <see cref="LogitComparison"/> rule.</summary>
    Forward,

    /// <summary>Losses of the first training steps on the same batches in the same order: max |a - b| within the tolerance.</summary>
    TrainingLoss,
}
