namespace Versus.Core.Parity;

/// <summary>
/// The state a forward probe's logits came from: the shared initial weights, or the state one engine reached after
/// <see cref="Steps"/> training steps in the shared order, saved to a canonical file that every engine then loaded.
/// At initialisation batch norm is the identity (running mean 0, variance 1), so only the trained state tests how an
/// engine maps running statistics, and keeps deep networks' logits in a realistic range.
/// </summary>
public sealed record ParityWeights(ParityRegime Regime, int Steps = 0, string? TrainedBy = null)
{
    public static readonly ParityWeights Initial = new(ParityRegime.Initial);

    public static ParityWeights Trained(int steps, string trainedBy) => new(ParityRegime.Trained, steps, trainedBy);

    /// <summary>"the initial weights", "the state after 16 training steps in torchsharp": the words every reason and method uses.</summary>
    public override string ToString() => Regime == ParityRegime.Initial
        ? "the initial weights"
        : $"the state after {Steps} training step{(Steps == 1 ? "" : "s")} in {TrainedBy}";
}

public enum ParityRegime
{
    /// <summary>The shared initial weights, as every measurement prepares them.</summary>
    Initial,

    /// <summary>The reference engine's state after a few training steps (weights and batch-norm running statistics), in eval mode.</summary>
    Trained,
}
