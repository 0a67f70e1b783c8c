using Versus.Core.Results;

namespace Versus.Core.Measurement;

/// <summary>Turns the raw training timings into the metrics of results.json (units in docs/results.md).</summary>
internal static class TrainingMetrics
{
    public static IReadOnlyList<MetricRecord> Build(MeasurementTask task, List<double> stepMs, List<double> epochSeconds,
        int completedEpochs, int plannedEpochs, int stepsPerEpoch, double? timeToAccuracy, double accuracy, double loss, Engines.EngineInfo engine, MachinePeaks peaks)
    {
        var spec = task.Spec!;
        var batch = spec.Training.BatchSize;
        // What the outcome figures (accuracy, loss, time to target) were reached with: engines are compared on them only
        // when both trained as many epochs on as many images.
        var metrics = new List<MetricRecord>
        {
            MetricRecord.Single(MetricNames.TrainEpochs, "count", completedEpochs, $"completed of {plannedEpochs} planned"),
            MetricRecord.Single(MetricNames.TrainImages, "count", (double)completedEpochs * stepsPerEpoch * batch,
                $"{completedEpochs} epoch(s) of {stepsPerEpoch} steps at batch {batch} (a last partial batch is dropped)"),
        };
        if (completedEpochs == plannedEpochs)
            metrics.Add(MetricRecord.Single(MetricNames.TrainTotal, "s", epochSeconds.Sum(), $"{plannedEpochs} epoch(s), evaluation excluded"));
        else
            metrics.Add(new MetricRecord(MetricNames.TrainTotal, "s", [], null, $"not measured: {completedEpochs} of {plannedEpochs} epochs fit the budget"));
        if (epochSeconds.Count > 0) metrics.Add(MetricRecord.From(MetricNames.TrainEpoch, "s", epochSeconds));
        metrics.Add(MetricRecord.From(MetricNames.TrainStep, "ms", stepMs, $"batch {batch}"));
        metrics.Add(MetricRecord.From(MetricNames.TrainThroughput, "images/s", [.. stepMs.Select(ms => batch / (ms / 1000))]));
        metrics.Add(timeToAccuracy is { } t
            ? MetricRecord.Single(MetricNames.TrainTimeToAccuracy, "s", t, $"target test accuracy {spec.Training.TargetAccuracy:0.###}, checked at epoch ends")
            : new MetricRecord(MetricNames.TrainTimeToAccuracy, "s", [], null, $"target test accuracy {spec.Training.TargetAccuracy:0.###} not reached in {completedEpochs} epoch(s)"));
        if (completedEpochs > 0)
        {
            metrics.Add(MetricRecord.Single(MetricNames.TrainFinalAccuracy, "ratio", accuracy, "test set, after the last planned epoch"));
            metrics.Add(MetricRecord.Single(MetricNames.TrainFinalLoss, "nats", loss, "mean cross-entropy on the test set"));
        }
        var flopsPerStep = (double)task.Analysis!.TrainingFlopsPerExample * batch;
        var gflops = stepMs.Select(ms => flopsPerStep / (ms / 1000) / 1e9).ToList();
        metrics.Add(MetricRecord.From(MetricNames.TrainGflops, "GFLOP/s", gflops, "analytic training FLOPs (3x forward) / step time"));
        metrics.Add(PeakShare.Metric(MetricNames.TrainPeakShare, gflops, engine, peaks));
        return metrics;
    }
}
