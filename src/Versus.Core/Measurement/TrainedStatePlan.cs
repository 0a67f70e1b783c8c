namespace Versus.Core.Measurement;

/// <summary>
/// How a workload's trained state for forward parity comes to be: <see cref="Producer"/> (the training measurement of
/// the parity reference: the run's first engine that trains and runs here) saves its state to <see cref="Path"/> after
/// <see cref="Steps"/> steps of epoch 0 in the shared order from the shared initial weights, and every inference
/// measurement then loads it. Where an inference measurement comes before that training (an engine listed before the
/// reference), the reference trains the same steps in a worker of its own (<see cref="TrainedStates"/>).
/// </summary>
public sealed record TrainedStatePlan(MeasurementTask Producer, string Path, int Steps)
{
    /// <summary>
    /// Enough steps that batch norm's running statistics are mostly the data's (0.9^16 = 19% of the identity left at
    /// PyTorch's default momentum) and depth-16's logits leave the hundreds they reach at initialisation (measured: max
    /// |logit| 164 at step 0, 24 after 16 steps), few enough to cost a few seconds; at most one epoch.
    /// </summary>
    public const int DefaultSteps = 16;
}
