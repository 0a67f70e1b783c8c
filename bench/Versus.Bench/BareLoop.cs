using System.Diagnostics;
using Versus.Core.Data;
using Versus.Core.Engines;
using Versus.Core.Planning;
using Versus.Core.Weights;

namespace Versus.Bench;

/// <summary>
/// The reference: the same engine calls in a plain loop, timed with a Stopwatch around each call, in a fresh process of
/// its own (as the Versus worker is), so the only difference left is the harness: protocol, chunks, statistics.
/// </summary>
public sealed class BareLoop(IInProcessEngineFactory factory, Workload workload, DataSource data, WeightSet weights, int threads, TimeSpan warmup)
{
    public async Task<List<double>> TrainAsync(int steps)
    {
        using var engine = await PrepareAsync();
        var batch = workload.Spec.Training.BatchSize;
        var order = EpochOrder.Permutation(data.Seed, 0, data.TrainCount);
        var stepsPerEpoch = EpochOrder.StepsPerEpoch(data.TrainCount, batch);
        for (var i = 0; i < 2; i++) engine.TrainStep(order.AsSpan(i * batch, batch));
        engine.Reset();
        var samples = new List<double>(steps);
        for (var i = 0; i < steps; i++)
        {
            var indices = order.AsSpan(i % stepsPerEpoch * batch, batch).ToArray();
            var start = Stopwatch.GetTimestamp();
            engine.TrainStep(indices);
            samples.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }
        return samples;
    }

    public async Task<List<double>> InferAsync(int iterations)
    {
        using var engine = await PrepareAsync();
        var one = new int[1];
        // The same warm-up rule as the harness (WarmupLoop): at least 20 calls and the profile's warm-up duration.
        var warm = Stopwatch.StartNew();
        for (var i = 0; i < 20 || warm.Elapsed < warmup; i++) engine.Infer(one);
        var samples = new List<double>(iterations);
        for (var i = 0; i < iterations; i++)
        {
            one[0] = i % data.TestCount;
            var start = Stopwatch.GetTimestamp();
            engine.Infer(one);
            samples.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }
        return samples;
    }

    private async Task<IEngine> PrepareAsync()
    {
        var engine = factory.Load(threads);
        await engine.PrepareAsync(workload.Spec, weights, DatasetLoader.Load(data, workload.Spec.Input, workload.Spec.Classes), CancellationToken.None);
        return engine;
    }
}
