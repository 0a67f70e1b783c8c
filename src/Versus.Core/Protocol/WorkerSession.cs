using System.Diagnostics;
using Versus.Core.Data;
using Versus.Core.Engines;
using Versus.Core.Models;
using Versus.Core.Validation;
using Versus.Core.Weights;

namespace Versus.Core.Protocol;

/// <summary>A prepared engine in a worker: the timing loops around its calls, and the shared data order.</summary>
internal sealed class WorkerSession
{
    private readonly IEngine engine;
    private readonly ModelSpec spec;
    private readonly Dataset dataset;
    private int[]? order;
    private int orderEpoch = -1;
    private int inferCursor;

    private WorkerSession(IEngine engine, ModelSpec spec, Dataset dataset, PrepareResult prepared)
    {
        this.engine = engine;
        this.spec = spec;
        this.dataset = dataset;
        Prepared = prepared;
    }

    public PrepareResult Prepared { get; }

    public static async Task<WorkerSession> PrepareAsync(IEngine engine, PrepareArgs args, CancellationToken cancellationToken)
    {
        var read = ModelSpecReader.Read(args.Spec.ToJsonString(), "prepare.spec");
        if (!read.IsValid) throw new ValidationException(read.Errors);
        var spec = read.Spec!;
        var watch = Stopwatch.StartNew();
        var dataset = DatasetLoader.Load(args.Data, spec.Input, spec.Classes);
        var dataMs = watch.Elapsed.TotalMilliseconds;
        // Reading the weight file is part of the model build, as for every engine: a deployed model reads it too.
        watch.Restart();
        var weights = SafeTensorsFile.Read(args.WeightsPath);
        var before = engine.Info.Details;
        await engine.PrepareAsync(spec, weights, dataset, cancellationToken);
        var buildMs = watch.Elapsed.TotalMilliseconds;
        return new WorkerSession(engine, spec, dataset,
            new PrepareResult(dataMs, buildMs, dataset.Train.Count, dataset.Test.Count, Learned(before, engine.Info.Details)));
    }

    public TimingsResult Warmup(WarmupArgs args)
    {
        var ms = new double[args.Iterations];
        if (args.Kind == "train")
        {
            // Any batches will do for warm-up: the engine is reset to the initial weights and a fresh optimizer afterwards.
            var order = EpochOrder.Permutation(0xC0FFEE, 0, dataset.Train.Count);
            var steps = Math.Max(1, EpochOrder.StepsPerEpoch(dataset.Train.Count, args.Batch));
            for (var i = 0; i < ms.Length; i++) ms[i] = Time(() => engine.TrainStep(Slice(order, i % steps * args.Batch, args.Batch)));
            engine.Reset();
        }
        else
        {
            for (var i = 0; i < ms.Length; i++) ms[i] = Time(() => engine.Infer(NextTestBatch(args.Batch)));
        }
        return new TimingsResult(ms);
    }

    public TrainResult Train(TrainArgs args)
    {
        if (orderEpoch != args.Epoch)
        {
            order = EpochOrder.Permutation(args.Seed, args.Epoch, dataset.Train.Count);
            orderEpoch = args.Epoch;
        }
        var batch = spec.Training.BatchSize;
        var stepsPerEpoch = EpochOrder.StepsPerEpoch(dataset.Train.Count, batch);
        if (args.FirstStep < 0 || args.FirstStep + args.Steps > stepsPerEpoch)
            throw new ArgumentOutOfRangeException(nameof(args), $"Steps {args.FirstStep}..{args.FirstStep + args.Steps} are outside the epoch's {stepsPerEpoch} steps.");
        var ms = new double[args.Steps];
        var losses = new double[args.Steps];
        for (var i = 0; i < args.Steps; i++)
        {
            var indices = Slice(order!, (args.FirstStep + i) * batch, batch);
            var start = Stopwatch.GetTimestamp();
            losses[i] = engine.TrainStep(indices);
            ms[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }
        return new TrainResult(ms, losses);
    }

    public EvaluateResult Evaluate(EvaluateArgs args)
    {
        var start = Stopwatch.GetTimestamp();
        var evaluation = engine.Evaluate(args.BatchSize);
        return new EvaluateResult(evaluation.Accuracy, evaluation.Loss, Stopwatch.GetElapsedTime(start).TotalMilliseconds);
    }

    public TimingsResult Infer(InferArgs args)
    {
        var ms = new double[args.Iterations];
        for (var i = 0; i < ms.Length; i++)
        {
            var indices = NextTestBatch(args.Batch);
            var start = Stopwatch.GetTimestamp();
            engine.Infer(indices);
            ms[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }
        return new TimingsResult(ms);
    }

    public PredictResult Predict(PredictArgs args)
    {
        var start = Stopwatch.GetTimestamp();
        var logits = engine.Predict(args.Indices);
        return new PredictResult(logits, Stopwatch.GetElapsedTime(start).TotalMilliseconds);
    }

    public LoadResult Load(LoadArgs args)
    {
        var start = Stopwatch.GetTimestamp();
        engine.LoadWeights(SafeTensorsFile.Read(args.WeightsPath));
        return new LoadResult(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
    }

    public void Save(SaveArgs args) => SafeTensorsFile.Write(args.Path, engine.ExportWeights());

    /// <summary>The details building the model added or changed, so hello's record can be completed; null when none.</summary>
    private static Dictionary<string, string>? Learned(IReadOnlyDictionary<string, string> before, IReadOnlyDictionary<string, string> after)
    {
        var learned = after.Where(d => !before.TryGetValue(d.Key, out var old) || old != d.Value).ToDictionary();
        return learned.Count > 0 ? learned : null;
    }

    private int[] NextTestBatch(int batch)
    {
        var indices = new int[batch];
        for (var i = 0; i < batch; i++) indices[i] = inferCursor++ % dataset.Test.Count;
        return indices;
    }

    private static int[] Slice(int[] order, int start, int count) => order.AsSpan(start, count).ToArray();

    private static double Time(Action action)
    {
        var start = Stopwatch.GetTimestamp();
        action();
        return Stopwatch.GetElapsedTime(start).TotalMilliseconds;
    }
}
