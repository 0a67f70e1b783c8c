using Versus.Core.Results;

namespace Versus.Core.Measurement;

/// <summary>The machine's fp32 matrix-product peak through an engine that can measure it, as GFLOP/s (2n^3 / time).</summary>
public static class MachinePeakDriver
{
    public static async Task<MeasurementOutcome> RunAsync(WorkerSessionClient worker, MeasurementTask task)
    {
        var hello = await worker.HelloAsync();
        var n = task.Profile.MachinePeakSize;
        var estimate = await WarmupLoop.RunAsync(k => worker.MatmulAsync(n, k), 2, task.Profile.WarmupDuration);
        var (ms, stop) = await AdaptiveSampler.SampleAsync(k => worker.MatmulAsync(n, k), task.Profile.Policy(task.Profile.LatencyBudget), estimate);
        var flops = 2.0 * n * n * n;
        var gflops = ms.Select(t => flops / (t / 1000) / 1e9).ToList();
        return new MeasurementOutcome(hello.Engine, [MetricRecord.From(MetricNames.MatmulGflops, "GFLOP/s", gflops, $"{n}x{n} fp32 matrix product")], [], stop);
    }
}
