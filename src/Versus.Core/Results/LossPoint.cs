namespace Versus.Core.Results;

/// <summary>One point of a training curve: loss after a step, accuracy after an epoch (null between epochs).</summary>
public sealed record LossPoint(int Epoch, int Step, double Loss, double? TestAccuracy = null, double? ElapsedSeconds = null);
