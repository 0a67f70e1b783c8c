namespace Versus.Core.Engines;

/// <summary>Accuracy and mean cross-entropy over the test set, in evaluation mode.</summary>
public sealed record Evaluation(double Accuracy, double Loss);
