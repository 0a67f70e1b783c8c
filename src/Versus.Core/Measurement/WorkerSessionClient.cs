using Versus.Core.Models;
using Versus.Core.Protocol;

namespace Versus.Core.Measurement;

/// <summary>The typed calls a driver makes on a worker: one place that knows the protocol's ops and arguments.</summary>
public sealed class WorkerSessionClient(WorkerChannel channel, MeasurementTask task, CancellationToken cancellationToken)
{
    public WorkerChannel Channel => channel;

    /// <summary>Share of the weight file in the page cache when this worker was spawned; null where not known.</summary>
    public double? WeightsCachedAtSpawn { get; init; }

    private TimeSpan Timeout => task.Profile.RequestTimeout;

    public async Task<HelloResult> HelloAsync()
    {
        var hello = await channel.SendAsync<HelloResult>(Ops.Hello, new HelloArgs(task.Threads), Timeout, cancellationToken);
        if (hello.Protocol != ProtocolEnvelope.Version)
            throw new WorkerFaultException($"worker speaks protocol version {hello.Protocol}, this Versus speaks {ProtocolEnvelope.Version}; update the engine's worker");
        return hello;
    }

    public Task<PrepareResult> PrepareAsync() =>
        channel.SendAsync<PrepareResult>(Ops.Prepare,
            new PrepareArgs(ModelSpecWriter.ToJson(Spec), task.WeightsPath!, task.Data!), Timeout, cancellationToken);

    public async Task<double[]> WarmupAsync(string kind, int iterations, int batch) =>
        Counted(Ops.Warmup, "ms", (await channel.SendAsync<TimingsResult>(Ops.Warmup, new WarmupArgs(kind, iterations, batch), Timeout, cancellationToken)).Ms, iterations);

    public async Task<TrainResult> TrainAsync(int epoch, int firstStep, int steps)
    {
        var result = await channel.SendAsync<TrainResult>(Ops.Train, new TrainArgs(epoch, firstStep, steps, task.Seed), Timeout, cancellationToken);
        Counted(Ops.Train, "stepMs", result.StepMs, steps);
        Counted(Ops.Train, "losses", result.Losses, steps);
        return result;
    }

    public Task<EvaluateResult> EvaluateAsync(int batchSize) =>
        channel.SendAsync<EvaluateResult>(Ops.Evaluate, new EvaluateArgs(batchSize), Timeout, cancellationToken);

    public async Task<double[]> InferAsync(int batch, int iterations) =>
        Counted(Ops.Infer, "ms", (await channel.SendAsync<TimingsResult>(Ops.Infer, new InferArgs(batch, iterations), Timeout, cancellationToken)).Ms, iterations);

    public async Task<PredictResult> PredictAsync(int[] indices)
    {
        var result = await channel.SendAsync<PredictResult>(Ops.Predict, new PredictArgs(indices), Timeout, cancellationToken);
        Counted(Ops.Predict, "logits", result.Logits, indices.Length * Spec.Classes);
        return result;
    }

    public Task<LoadResult> LoadAsync(string weightsPath) =>
        channel.SendAsync<LoadResult>(Ops.Load, new LoadArgs(weightsPath), Timeout, cancellationToken);

    public Task SaveAsync(string path) => channel.SendAsync(Ops.Save, new SaveArgs(path), Timeout, cancellationToken);

    public async Task<double[]> MatmulAsync(int size, int iterations) =>
        Counted(Ops.Matmul, "ms", (await channel.SendAsync<TimingsResult>(Ops.Matmul, new MatmulArgs(size, iterations), Timeout, cancellationToken)).Ms, iterations);

    /// <summary>
    /// An array shorter or longer than the request asked for: the drivers index these by step and image, so a short one
    /// would fail far from its cause (or, longer, be read as work the worker was never asked to do).
    /// </summary>
    private static T[] Counted<T>(string op, string field, T[] values, int expected) =>
        values.Length == expected ? values
            : throw new WorkerFaultException($"worker answered '{op}' with {values.Length} {field} where the request asked for {expected}");

    private ModelSpec Spec => task.Spec ?? throw new InvalidOperationException("This measurement has no workload.");
}
