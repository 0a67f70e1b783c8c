using Versus.Core.Parity;
using Versus.Core.Protocol;
using Versus.Core.Results;

namespace Versus.Core.Measurement;

/// <summary>
/// Inference: cold start split into its parts (process start: spawn to the worker's Main; engine load; model build with
/// weight load; first prediction), then warm batch-1 latency and large-batch throughput, each sampled until its
/// interval is tight or its budget is spent. Extra cold-start trials each use a fresh process. Forward parity is probed
/// twice: from the shared initial weights right after the build, and, once everything is timed, from the reference
/// engine's trained state (<paramref name="trained"/>), which the worker loads in place of its weights.
/// </summary>
public static class InferenceDriver
{
    public static async Task<MeasurementOutcome> RunAsync(Func<Task<WorkerSessionClient>> spawn, WorkerSessionClient worker,
        MeasurementTask task, MachinePeaks peaks, TrainedState? trained = null)
    {
        var spec = task.Spec!;
        var cold = new ColdStartSamples();
        var engine = await cold.MeasureAsync(worker);
        var indices = ParityProbe.DefaultIndices;
        var probe = new ParityProbe(indices, spec.Classes, (await worker.PredictAsync(indices)).Logits, ParityWeights.Initial);

        var profile = task.Profile;
        var latencyWarmup = await WarmupLoop.RunAsync(WarmupPhase.Latency, n => worker.WarmupAsync("infer", n, 1),
            profile.WarmupInferIterations, profile.WarmupDuration);
        var (latency, latencyStop) = await AdaptiveSampler.SampleAsync(n => worker.InferAsync(1, n), profile.Policy(profile.LatencyBudget),
            latencyWarmup.LastCallMs);

        var batch = spec.ThroughputBatchSize;
        var batchWarmup = await WarmupLoop.RunAsync(WarmupPhase.Throughput, n => worker.WarmupAsync("infer", n, batch), 3, profile.WarmupDuration);
        var (batchMs, throughputStop) = await AdaptiveSampler.SampleAsync(n => worker.InferAsync(batch, n), profile.Policy(profile.ThroughputBudget),
            batchWarmup.LastCallMs);

        for (var trial = 1; trial < profile.ColdStartTrials; trial++)
        {
            var fresh = await spawn();
            await using (fresh.Channel) await cold.MeasureAsync(fresh);
        }

        var trainedProbe = trained is { Path: { } path } ? await TrainedProbeAsync(worker, path, trained.Weights, indices, spec.Classes) : null;

        var forwardFlops = (double)task.Analysis!.ForwardFlopsPerExample;
        var gflops = batchMs.Select(ms => forwardFlops * batch / (ms / 1000) / 1e9).ToList();
        var metrics = new List<MetricRecord>(cold.ToMetrics())
        {
            MetricRecord.From(MetricNames.LatencyBatch1, "ms", latency, $"warm, batch 1; stopped: {latencyStop}"),
            MetricRecord.From(MetricNames.ThroughputBatchLatency, "ms", batchMs, $"batch {batch}; stopped: {throughputStop}"),
            MetricRecord.From(MetricNames.Throughput, "images/s", [.. batchMs.Select(ms => batch / (ms / 1000))], $"batch {batch}"),
            MetricRecord.From(MetricNames.InferGflops, "GFLOP/s", gflops, $"analytic forward FLOPs at batch {batch} / batch time"),
        };
        metrics.Add(PeakShare.Metric(MetricNames.InferPeakShare, gflops, engine, peaks));
        // The weaker of the two stop reasons is the measurement's: a budget-stopped sample is what readers must know about.
        var stop = latencyStop == Statistics.StopReason.IntervalReached ? throughputStop : latencyStop;
        var notes = new[]
        {
            InsufficientSamples.Note(latency.Count, "batch-1 passes", profile.MinSamples),
            InsufficientSamples.Note(batchMs.Count, $"batch-{batch} passes", profile.MinSamples),
            trained is { Problem: { } problem } ? $"no forward parity on trained state: {problem}" : null,
        }.OfType<string>().ToArray();
        return new MeasurementOutcome(engine, metrics, [], stop, notes.Length > 0 ? string.Join("; ", notes) : null, probe,
            [latencyWarmup, batchWarmup], trainedProbe);
    }

    /// <summary>
    /// The logits from the trained state, or the reason there are none: a worker that cannot load the file or answers
    /// with a NaN fails this probe (and so its parity checks), not the timings it has already given.
    /// </summary>
    private static async Task<ParityProbe> TrainedProbeAsync(WorkerSessionClient worker, string path, ParityWeights weights, int[] indices,
        int classes)
    {
        try
        {
            await worker.LoadAsync(path);
            return new ParityProbe(indices, classes, (await worker.PredictAsync(indices)).Logits, weights);
        }
        catch (WorkerFaultException e)
        {
            return new ParityProbe(indices, classes, [], weights, e.Message);
        }
    }
}
