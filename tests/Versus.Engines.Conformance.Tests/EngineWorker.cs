using Versus.Cli;
using Versus.Core.Data;
using Versus.Core.Engines;
using Versus.Core.Models;
using Versus.Core.Protocol;
using Versus.Core.Weights;

namespace Versus.Engines.Conformance.Tests;

/// <summary>One engine's worker, started as a measurement starts it (the provider's launch, the protocol) and prepared on a graph.</summary>
internal sealed class EngineWorker : IAsyncDisposable
{
    // Minutes, not seconds: the first use of a TensorFlow.js worker installs its npm packages, and the machine is shared.
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    private EngineWorker(WorkerChannel channel) => Channel = channel;

    public WorkerChannel Channel { get; }

    public static async Task<EngineWorker> StartAsync(IEngineProvider provider)
    {
        var worker = new EngineWorker(WorkerChannel.Start(provider.CreateWorkerLaunch(SelfLaunch.Context())));
        // One thread for every engine: parity does not depend on it, and a busy 2-core machine makes threads wait on each other.
        await worker.Channel.SendAsync<HelloResult>(Ops.Hello, new HelloArgs(1), Timeout, CancellationToken.None);
        return worker;
    }

    public static async Task<EngineWorker> PreparedAsync(IEngineProvider provider, ModelSpec spec, WeightSet weights, DataSource data, string folder)
    {
        var path = Path.Combine(folder, $"{spec.Id}-{Guid.NewGuid():N}.safetensors");
        SafeTensorsFile.Write(path, weights);
        var worker = await StartAsync(provider);
        try
        {
            await worker.PrepareAsync(spec, path, data);
            return worker;
        }
        catch
        {
            // A refused prepare is an expected answer in some checks: the worker (and its browser) must not outlive it.
            await worker.DisposeAsync();
            throw;
        }
    }

    public Task<PrepareResult> PrepareAsync(ModelSpec spec, string weightsPath, DataSource data) =>
        Channel.SendAsync<PrepareResult>(Ops.Prepare, new PrepareArgs(ModelSpecWriter.ToJson(spec), weightsPath, data), Timeout, CancellationToken.None);

    public async Task<float[]> PredictAsync(int[] indices) =>
        (await Channel.SendAsync<PredictResult>(Ops.Predict, new PredictArgs(indices), Timeout, CancellationToken.None)).Logits;

    public async Task<double[]> TrainAsync(int steps, uint seed) =>
        (await Channel.SendAsync<TrainResult>(Ops.Train, new TrainArgs(0, 0, steps, seed), Timeout, CancellationToken.None)).Losses;

    public ValueTask DisposeAsync() => Channel.DisposeAsync();
}
