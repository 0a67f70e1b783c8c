using Versus.Core.Data;
using Versus.Core.Engines;
using Versus.Core.Models;
using Versus.Core.Protocol;

namespace Versus.Engines.Tfjs.Tests;

/// <summary>A real Node worker started the way a measurement starts it, driven through the parent's WorkerChannel.</summary>
internal sealed class TfjsWorker : IAsyncDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    private TfjsWorker(WorkerChannel channel) => Channel = channel;

    public WorkerChannel Channel { get; }

    public static TfjsWorker Start(TfjsEngineProvider? provider = null) =>
        new(WorkerChannel.Start((provider ?? new TfjsEngineProvider()).CreateWorkerLaunch(new WorkerLaunchContext(new WorkerLaunch("unused", [])))));

    public static async Task<TfjsWorker> PreparedAsync(ModelSpec spec, string weightsPath, DataSource data, TfjsEngineProvider? provider = null)
    {
        var worker = Start(provider);
        await worker.HelloAsync();
        await worker.Channel.SendAsync<PrepareResult>(Ops.Prepare, new PrepareArgs(ModelSpecWriter.ToJson(spec), weightsPath, data), Timeout, CancellationToken.None);
        return worker;
    }

    public Task<HelloResult> HelloAsync() => Channel.SendAsync<HelloResult>(Ops.Hello, new HelloArgs(1), Timeout, CancellationToken.None);

    public async Task<float[]> PredictAsync(int[] indices) =>
        (await Channel.SendAsync<PredictResult>(Ops.Predict, new PredictArgs(indices), Timeout, CancellationToken.None)).Logits;

    public Task<TrainResult> TrainAsync(int epoch, int firstStep, int steps, uint seed) =>
        Channel.SendAsync<TrainResult>(Ops.Train, new TrainArgs(epoch, firstStep, steps, seed), Timeout, CancellationToken.None);

    public Task<LoadResult> LoadAsync(string weightsPath) =>
        Channel.SendAsync<LoadResult>(Ops.Load, new LoadArgs(weightsPath), Timeout, CancellationToken.None);

    public Task SaveAsync(string path) => Channel.SendAsync(Ops.Save, new SaveArgs(path), Timeout, CancellationToken.None);

    public Task ResetAsync() => Channel.SendAsync(Ops.Reset, null, Timeout, CancellationToken.None);

    public ValueTask DisposeAsync() => Channel.DisposeAsync();
}
