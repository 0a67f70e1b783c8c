using Versus.Core.Results;

namespace Versus.Reports.Analysis;

/// <summary>
/// How much training a training measurement did: epochs completed and images trained on. Accuracy, loss and time to a
/// target depend on both, so two engines' outcomes are compared only when their extents are equal. Results before
/// 1.3 have no <c>train.epochs</c>: the epochs are then the per-epoch samples, and the images unknown.
/// </summary>
public sealed record TrainingExtent(int? Epochs, long? Images)
{
    public static TrainingExtent Of(MeasurementRecord m)
    {
        var epochs = m.Metric(MetricNames.TrainEpochs)?.Samples is [var e] ? (int)e
            : m.Metric(MetricNames.TrainEpoch)?.Samples.Count;
        var images = m.Metric(MetricNames.TrainImages)?.Samples is [var i] ? (long)i : (long?)null;
        return new TrainingExtent(epochs, images);
    }

    /// <summary>
    /// True when the epochs are known and equal, and so are the images (or both unknown, as in results before 1.3, where
    /// every engine of a run trained on the same dataset).
    /// </summary>
    public bool SameAs(TrainingExtent other) => Epochs is not null && Epochs == other.Epochs && Images == other.Images;

}
