namespace Versus.Reports.Analysis;

/// <summary>One epoch of a training curve: the mean of its recorded losses and the test accuracy measured after it.</summary>
internal sealed record EpochLoss(int Epoch, double MeanLoss, int Points, double? TestAccuracy);
