using System.Diagnostics;
using System.Text.Json;
using Versus.Core.Data;
using Versus.Core.Deployment;
using Versus.Core.Models;

namespace Versus.Deploy;

/// <summary>
/// The deployment check that is exercised rather than cited: export the workload, serve it over HTTP on loopback, and
/// load it at each concurrency level with batch-1 requests of real test images. The server and the load share the
/// machine, so figures describe loopback serving on this machine, not a network.
/// </summary>
public static class DeployProbe
{
    /// <summary>Loads the exported model into <paramref name="serving"/>'s engine and serves it; the load counts as start time.</summary>
    public static async Task<DeployProbeResult> RunAsync(IServingCapability serving, ModelSpec spec, ExportedModel model,
        Dataset data, DeployProbeOptions options, CancellationToken cancellationToken)
    {
        if (options.Concurrency.Count == 0) throw new ArgumentException("At least one concurrency level is needed.", nameof(options));
        var bodies = Bodies(data);
        var clock = Stopwatch.StartNew();
        var runner = await serving.LoadAsync(new ServingInput(spec, model, data, options.Threads), cancellationToken);
        var served = new ServedModel(runner, serving.Engine, spec.Input, spec.Classes);
        await using var server = await ModelServer.StartAsync(served, spec.Id, cancellationToken);
        var startMs = clock.Elapsed.TotalMilliseconds;

        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = options.Concurrency.Max(), PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5) };
        using var client = new HttpClient(handler) { Timeout = options.RequestTimeout };
        var load = new LoadGenerator(client);
        var endpoint = new Uri(server.Address, "predict");
        if (options.WarmupRequests > 0)
        {
            var warmup = await load.RunAsync(endpoint, bodies, options.Concurrency.Max(), options.WarmupRequests, cancellationToken);
            if (warmup.Errors > 0)
                throw new InvalidOperationException($"The server failed {warmup.Errors} of {warmup.Requests} warm-up requests: {string.Join("; ", warmup.ErrorSamples)}");
        }
        var levels = new List<LoadLevelResult>(options.Concurrency.Count);
        foreach (var concurrency in options.Concurrency)
            levels.Add(await load.RunAsync(endpoint, bodies, concurrency, options.RequestsPerLevel, cancellationToken));
        return new DeployProbeResult(spec.Id, server.Description, "POST /predict", server.ModelBytes, startMs, options.Threads, 1, levels);
    }

    /// <summary>One JSON body per test image (at most 64), pixels scaled x / 255 as every engine scales them.</summary>
    public static IReadOnlyList<byte[]> Bodies(Dataset data)
    {
        var pixels = data.PixelsPerImage;
        var count = Math.Min(data.Test.Count, 64);
        if (count == 0) throw new ArgumentException("The dataset has no test images to send.", nameof(data));
        var bodies = new byte[count][];
        for (var n = 0; n < count; n++)
        {
            var image = new float[pixels];
            for (var p = 0; p < pixels; p++) image[p] = data.Test.Pixels[n * pixels + p] / 255f;
            bodies[n] = JsonSerializer.SerializeToUtf8Bytes(new PredictRequest([image]));
        }
        return bodies;
    }
}
