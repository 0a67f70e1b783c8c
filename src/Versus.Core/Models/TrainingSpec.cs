namespace Versus.Core.Models;

/// <summary>How a workload is trained: identical for every engine.</summary>
public sealed record TrainingSpec(
    OptimizerKind Optimizer,
    double LearningRate,
    double Momentum,
    int BatchSize,
    int Epochs,
    double TargetAccuracy,
    double Beta1 = 0.9,
    double Beta2 = 0.999,
    double AdamEpsilon = 1e-8);
