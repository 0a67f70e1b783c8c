using System.Diagnostics;
using System.Globalization;
using Versus.Core.Deployment;
using Versus.Core.Measurement;
using Versus.Core.Results;
using Versus.Core.Statistics;

namespace Versus.Deploy;

/// <summary>
/// The edge target as far as this machine can stand in for one: every <see cref="IEdgeCapability"/> (ONNX Runtime here)
/// on one thread (a small device's budget), batch-1 warm latency on the exported file, and its size on disk. Variants
/// an engine cannot produce here are its declared edge gaps (ONNX Runtime's int8: no library available to .NET
/// quantises an ONNX model), recorded as not exercised. Runs in the calling process; failures become failed records.
/// </summary>
public static class EdgeProbe
{
    public const int EdgeThreads = 1;

    public static async Task<IReadOnlyList<DeploymentRecord>> RunAsync(DeploymentContext context, ExportedModel? model,
        CancellationToken cancellationToken)
    {
        var records = new List<DeploymentRecord>();
        foreach (var edge in context.Offered<IEdgeCapability>())
            records.Add(await RunAsync(context, model, edge, cancellationToken));
        records.AddRange(context.Gaps(DeploymentTarget.Edge));
        return records;
    }

    private static async Task<DeploymentRecord> RunAsync(DeploymentContext context, ExportedModel? model, IEdgeCapability edge,
        CancellationToken cancellationToken)
    {
        if (model is null)
        {
            return new DeploymentRecord(DeploymentTarget.Edge, edge.Engine, context.Spec.Id, DeploymentStatus.Failed,
                "Not measured: the ONNX export it would run failed (see the onnx-interop row).", [], Family: edge.Family);
        }
        try
        {
            return await MeasureAsync(context, model, edge, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return InteropProbe.Failed(DeploymentTarget.Edge, edge.Engine, edge.Family, context.Spec.Id,
                "timing single-thread inference", e);
        }
    }

    private static async Task<DeploymentRecord> MeasureAsync(DeploymentContext context, ExportedModel model, IEdgeCapability edge,
        CancellationToken cancellationToken)
    {
        var input = InteropProbe.ScaledImages(context, [0]);
        using var prepared = await edge.PrepareAsync(model, context.Spec.Input, input, 1, EdgeThreads, cancellationToken);

        double Once()
        {
            var started = Stopwatch.GetTimestamp();
            prepared.Run();
            return Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }

        Task<double[]> Take(int chunk)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var taken = new double[chunk];
            for (var i = 0; i < chunk; i++) taken[i] = Once();
            return Task.FromResult(taken);
        }

        // The inference measurements' warm-up, by count and by time: batch-1 latency after 20 calls reads 30% high.
        var profile = context.Profile;
        var warmup = await WarmupLoop.RunAsync(WarmupPhase.Latency, Take, profile.WarmupInferIterations, profile.WarmupDuration);
        var (samples, stop) = await AdaptiveSampler.SampleAsync(Take, profile.Policy(profile.LatencyBudget), warmup.LastCallMs);

        var latency = MetricRecord.From(MetricNames.DeployEdgeLatency, "ms", samples, string.Create(CultureInfo.InvariantCulture,
            $"{edge.Name}, {EdgeThreads} intra-op thread, batch 1, warm ({warmup.Calls} runs over {warmup.Seconds:0.0} s first)"));
        var summary = latency.Summary!;
        var evidence = string.Create(CultureInfo.InvariantCulture,
            $"{edge.Name} on {EdgeThreads} thread ran the {InteropProbe.Bytes(model.Bytes)} fp32 model at batch 1 " +
            $"in {summary.Median:0.000} ms " +
            $"{IntervalText.Bracket(summary, "0.000")} (median, 95% CI, {samples.Count} warm runs, stopped: {Stop(stop)}).");
        var size = MetricRecord.Single(MetricNames.DeployModelSize, "bytes", model.Bytes, "the .onnx file, weights included (fp32)");
        return new DeploymentRecord(DeploymentTarget.Edge, edge.Engine, context.Spec.Id, DeploymentStatus.Passed, evidence,
            [latency, size], Family: edge.Family, Warmup: [warmup]);
    }

    private static string Stop(Core.Statistics.StopReason reason) => reason switch
    {
        Core.Statistics.StopReason.IntervalReached => "interval reached",
        Core.Statistics.StopReason.BudgetSpent => "budget spent",
        Core.Statistics.StopReason.MaxSamples => "sample cap",
        _ => reason.ToString(),
    };
}
