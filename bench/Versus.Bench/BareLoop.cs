using System.Diagnostics;
using Versus.Core.Data;
using Versus.Core.Engines;
using Versus.Core.Planning;
using Versus.Core.Weights;

namespace Versus.Bench;

/// <summary>The reference: the same engine calls in a plain in-process loop, timed with a Stopwatch around each call.</summary>
public sealed class BareLoop(IInProcessEngineFactory factory, Workload workload, DataSource data, WeightSet weights, int threads)
{
    private IEngine? engine;
    private Dataset? dataset;

    public async Task<(List<double> Steps, List<double> Latency)> MeasureAsync(int trainSteps, int inferIterations)
    {
        engine ??= factory.Load(threads);
        dataset ??= DatasetLoader.Load(data, workload.Spec.Input, workload.Spec.Classes);
        await engine.PrepareAsync(workload.Spec, weights, dataset, CancellationToken.None);
        var batch = workload.Spec.Training.BatchSize;
        var order = EpochOrder.Permutation(data.Seed, 0, dataset.Train.Count);
        var stepsPerEpoch = EpochOrder.StepsPerEpoch(dataset.Train.Count, batch);
        for (var i = 0; i < 3; i++) engine.TrainStep(order.AsSpan(i * batch, batch));
        engine.Reset();

        var steps = new List<double>(trainSteps);
        for (var i = 0; i < trainSteps; i++)
        {
            var indices = order.AsSpan(i % stepsPerEpoch * batch, batch).ToArray();
            var start = Stopwatch.GetTimestamp();
            engine.TrainStep(indices);
            steps.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }

        var latency = new List<double>(inferIterations);
        var one = new int[1];
        for (var i = 0; i < 50; i++) engine.Infer(one);
        for (var i = 0; i < inferIterations; i++)
        {
            one[0] = i % dataset.Test.Count;
            var start = Stopwatch.GetTimestamp();
            engine.Infer(one);
            latency.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }
        return (steps, latency);
    }
}
