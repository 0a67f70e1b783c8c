using Versus.Core.Results;

namespace Versus.Core.Measurement;

/// <summary>
/// Inference: cold start split into its parts (process start: spawn to the worker's Main; engine load; model build with
/// weight load; first prediction), then warm batch-1 latency and large-batch throughput, each sampled until its
/// interval is tight or its budget is spent. Extra cold-start trials each use a fresh process.
/// </summary>
public static class InferenceDriver
{
    public static async Task<MeasurementOutcome> RunAsync(Func<Task<WorkerSessionClient>> spawn, WorkerSessionClient worker,
        MeasurementTask task, double? peakGflops)
    {
        var spec = task.Spec!;
        var cold = new ColdStartSamples();
        var engine = await cold.MeasureAsync(worker);

        await worker.WarmupAsync("infer", task.Profile.WarmupInferIterations, 1);
        var (latency, latencyStop) = await AdaptiveSampler.SampleAsync(n => worker.InferAsync(1, n), task.Profile.Policy(task.Profile.LatencyBudget), 1);

        var batch = spec.ThroughputBatchSize;
        var warm = await worker.WarmupAsync("infer", 3, batch);
        var (batchMs, throughputStop) = await AdaptiveSampler.SampleAsync(n => worker.InferAsync(batch, n), task.Profile.Policy(task.Profile.ThroughputBudget), warm[^1]);

        for (var trial = 1; trial < task.Profile.ColdStartTrials; trial++)
        {
            var fresh = await spawn();
            await using (fresh.Channel) await cold.MeasureAsync(fresh);
        }

        var forwardFlops = (double)task.Analysis!.ForwardFlopsPerExample;
        var gflops = batchMs.Select(ms => forwardFlops * batch / (ms / 1000) / 1e9).ToList();
        var metrics = new List<MetricRecord>(cold.ToMetrics())
        {
            MetricRecord.From(MetricNames.LatencyBatch1, "ms", latency, $"warm, batch 1; stopped: {latencyStop}"),
            MetricRecord.From(MetricNames.ThroughputBatchLatency, "ms", batchMs, $"batch {batch}; stopped: {throughputStop}"),
            MetricRecord.From(MetricNames.Throughput, "images/s", [.. batchMs.Select(ms => batch / (ms / 1000))], $"batch {batch}"),
            MetricRecord.From(MetricNames.InferGflops, "GFLOP/s", gflops, $"analytic forward FLOPs at batch {batch} / batch time"),
        };
        if (peakGflops is > 0)
            metrics.Add(MetricRecord.From(MetricNames.InferPeakShare, "ratio", [.. gflops.Select(g => g / peakGflops.Value)], "share of the machine's measured fp32 matmul peak"));
        // The weaker of the two stop reasons is the measurement's: a budget-stopped sample is what readers must know about.
        var stop = latencyStop == Statistics.StopReason.IntervalReached ? throughputStop : latencyStop;
        return new MeasurementOutcome(engine, metrics, [], stop);
    }
}
