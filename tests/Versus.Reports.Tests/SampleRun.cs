using Versus.Core.Engines;
using Versus.Core.Environments;
using Versus.Core.Results;
using Versus.Core.Statistics;

namespace Versus.Reports.Tests;

/// <summary>
/// A realistic run of two generic engines ("alpha", "beta") with an unusable third: training and inference on the deck's
/// workloads, a depth sweep, a failed and a skipped measurement, and a machine peak. Summaries come from the real statistics.
/// </summary>
internal static class SampleRun
{
    public static readonly DateTimeOffset Start = new(2026, 11, 25, 14, 0, 0, TimeSpan.Zero);

    public static readonly EngineInfo Alpha = new("alpha", "AlphaTorch", "2.10.0", "cpu", "dotnet 10.0.1", 2,
        new Dictionary<string, string> { ["blas"] = "mkl", ["device"] = "CPU: Intel(R) Xeon(R) Platinum 8375C CPU @ 2.90GHz", ["deviceKind"] = "cpu" });

    public static readonly EngineInfo Beta = new("beta", "BetaFlow.js", "4.22.0", "wasm", "node 20.19.2", 2, new Dictionary<string, string>());

    public static RunResults TwoEngines() => Run(["alpha", "beta", "gamma"],
    [
        Training("alpha", Alpha, "small-cnn-28", seed: 1, stepMs: 14.5, epochS: 4.2, accuracy: 0.912, timeToTargetS: 8.4),
        Training("beta", Beta with { Backend = "cpu" }, "small-cnn-28", seed: 2, stepMs: 26.0, epochS: 7.7, accuracy: 0.874, timeToTargetS: null),
        Inference("alpha", Alpha, "small-cnn-28", seed: 3, latencyMs: 0.42, latencyCount: 700, coldMs: 415, throughput: 9000, StopReason.IntervalReached),
        Inference("beta", Beta, "small-cnn-28", seed: 4, latencyMs: 1.2, latencyCount: 200, coldMs: 905, throughput: 2100, StopReason.BudgetSpent),
        Inference("alpha", Alpha, "cnn-64", seed: 5, latencyMs: 3.1, latencyCount: 300, coldMs: 520, throughput: 1400, StopReason.IntervalReached),
        Failed("beta", Beta, "cnn-64", MeasurementKind.Inference,
            "worker exited with code 134 after 2.1 s: RangeError: Array buffer allocation failed"),
        Skipped("beta", "cnn-64", MeasurementKind.Training,
            "the wasm backend cannot train convolutions (Conv2DBackpropFilter not registered)"),
        Inference("alpha", Alpha, "depth-2", seed: 6, latencyMs: 0.9, latencyCount: 150, coldMs: 430, throughput: 3000, StopReason.IntervalReached),
        Inference("alpha", Alpha, "depth-4", seed: 7, latencyMs: 1.7, latencyCount: 150, coldMs: 440, throughput: 1600, StopReason.IntervalReached),
        Inference("beta", Beta, "depth-2", seed: 8, latencyMs: 2.4, latencyCount: 150, coldMs: 910, throughput: 900, StopReason.IntervalReached),
        Inference("beta", Beta, "depth-4", seed: 9, latencyMs: 4.5, latencyCount: 150, coldMs: 930, throughput: 480, StopReason.IntervalReached),
        Training("alpha", Alpha, "depth-2", seed: 10, stepMs: 30, epochS: 9, accuracy: 0.81, timeToTargetS: 20),
        Training("alpha", Alpha, "depth-4", seed: 11, stepMs: 57, epochS: 17, accuracy: 0.83, timeToTargetS: 35),
        Peak("alpha", Alpha, seed: 12, gflops: 150),
    ]);

    /// <summary>The note a budget-stopped training measurement carries, as the training driver words it.</summary>
    public const string InsufficientNote = "insufficient samples: 3 timed steps, fewer than the minimum 10; no 95% interval";

    /// <summary>
    /// <see cref="TwoEngines"/> with beta's small-cnn-28 training stopped by its budget after 3 timed steps: finished, with
    /// a note, and too few steps for an interval. Budgets and warm-up recorded as a 1.2 run records them.
    /// </summary>
    public static RunResults WithNotedTraining()
    {
        var run = TwoEngines();
        var noted = run.Measurements.Select(m => m.Engine == "beta" && m.Workload == "small-cnn-28" && m.Kind == MeasurementKind.Training
            ? m with
            {
                Reason = InsufficientNote,
                StopReason = StopReason.BudgetSpent,
                Metrics = [.. m.Metrics.Select(x => x.Name == MetricNames.TrainStep ? MetricRecord.From(x.Name, x.Unit, [26.0, 25.1, 27.3], x.Note) : x)],
                Warmup = [new WarmupRecord(WarmupPhase.Training, 2, 5.6, 2, 1, 2700)],
            }
            : m).ToList();
        var budgets = new BudgetsRecord(3, 6, 5, 25, 1, 20, 2, [256, 512, 1024]);
        return run with { Measurements = noted, Options = run.Options with { Budgets = budgets } };
    }

    public static RunResults OneEngine() => Run(["alpha"],
    [
        Training("alpha", Alpha, "small-cnn-28", seed: 1, stepMs: 14.5, epochS: 4.2, accuracy: 0.912, timeToTargetS: 8.4),
        Inference("alpha", Alpha, "small-cnn-28", seed: 3, latencyMs: 0.42, latencyCount: 700, coldMs: 415, throughput: 9000, StopReason.IntervalReached),
    ]);

    public static MeasurementRecord Find(RunResults run, string engine, string workload, MeasurementKind kind) =>
        run.Measurements.Single(m => m.Engine == engine && m.Workload == workload && m.Kind == kind);

    private static RunResults Run(IReadOnlyList<string> engines, IReadOnlyList<MeasurementRecord> measurements)
    {
        var environment = new EnvironmentInfo("bench-01", "Debian GNU/Linux 12 (bookworm)", "6.1.0-28-amd64", "X64",
            "Intel(R) Xeon(R) Platinum 8375C CPU @ 2.90GHz", ["avx2", "fma", "avx512f"], 2, 1, 8L << 30, 6L << 30, "10.0.1", "0.1.0");
        var options = new RunOptionsRecord(engines, ["small-cnn-28", "cnn-64", "depth-2", "depth-4"], false, null, 2, "generated", 7, 0.02, 30);
        var engineRecords = engines.Select(e => e == "gamma"
            ? new EngineRecord(e, false, "gamma's native runtime was not found", "install the gamma runtime, then run `versus doctor`")
            : new EngineRecord(e, true, $"{e} ready", null)).ToList();
        WorkloadRecord Workload(string id, int throughputBatch) =>
            new(id, $"{id} test workload", "1x28x28", 10, 1_199_882, 2_400_000, 7_200_000, 64, throughputBatch, 3, "sgd", "generated", $"workloads/{id}.json");
        return new RunResults(RunResults.CurrentSchemaVersion, "20261125-140000-a1b2", Start, Start.AddMinutes(23), "completed", options,
            environment, engineRecords,
            [Workload("small-cnn-28", 256), Workload("cnn-64", 128), Workload("depth-2", 64), Workload("depth-4", 64)],
            measurements, SampleSummary.IntervalMethod);
    }

    private static MeasurementRecord Training(string engine, EngineInfo info, string workload, uint seed, double stepMs, double epochS,
        double accuracy, double? timeToTargetS)
    {
        var metrics = new List<MetricRecord>
        {
            MetricRecord.Single(MetricNames.TrainTotal, "s", epochS * 3 + 0.3, "3 epoch(s), evaluation excluded"),
            MetricRecord.From(MetricNames.TrainEpoch, "s", SampleSeries.Timings(seed + 100, 3, epochS, 0.02)),
            MetricRecord.From(MetricNames.TrainStep, "ms", SampleSeries.Timings(seed, 282, stepMs, 0.05, spikes: 3)),
            MetricRecord.From(MetricNames.TrainThroughput, "images/s", SampleSeries.Timings(seed + 200, 3, 64_000 / stepMs, 0.02)),
            MetricRecord.Single(MetricNames.TrainFinalAccuracy, "ratio", accuracy),
            MetricRecord.Single(MetricNames.TrainFinalLoss, "nats", 0.31, "mean cross-entropy on the test set"),
            MetricRecord.From(MetricNames.TrainGflops, "GFLOP/s", SampleSeries.Timings(seed + 300, 3, 30, 0.02)),
        };
        // As the training driver writes it: a value when the target was reached, else no samples and a note saying so.
        metrics.Add(timeToTargetS is double t
            ? MetricRecord.Single(MetricNames.TrainTimeToAccuracy, "s", t, "target test accuracy 0.8, checked at epoch ends")
            : new MetricRecord(MetricNames.TrainTimeToAccuracy, "s", [], null, "target test accuracy 0.8 not reached in 3 epoch(s)"));
        var curve = Enumerable.Range(0, 30)
            .Select(i => new LossPoint(i / 10 + 1, i + 1, 2.3 * Math.Exp(-i / 9.0) + 0.05, i % 10 == 9 ? accuracy - ((2 - (i / 10)) * 0.03) : null))
            .ToList();
        return Record(engine, info, workload, MeasurementKind.Training, StopReason.PlannedWork, 612L << 20, metrics, curve);
    }

    private static MeasurementRecord Inference(string engine, EngineInfo info, string workload, uint seed, double latencyMs, int latencyCount,
        double coldMs, double throughput, StopReason stop) =>
        Record(engine, info, workload, MeasurementKind.Inference, stop, 301L << 20,
        [
            MetricRecord.From(MetricNames.ColdStart, "ms", SampleSeries.Timings(seed + 400, 5, coldMs, 0.03)),
            MetricRecord.From(MetricNames.ColdProcessStart, "ms", SampleSeries.Timings(seed + 500, 5, coldMs * 0.2, 0.03)),
            MetricRecord.From(MetricNames.ColdEngineLoad, "ms", SampleSeries.Timings(seed + 600, 5, coldMs * 0.7, 0.03)),
            MetricRecord.From(MetricNames.ColdModelBuild, "ms", SampleSeries.Timings(seed + 700, 5, coldMs * 0.08, 0.03)),
            MetricRecord.From(MetricNames.ColdFirstPrediction, "ms", SampleSeries.Timings(seed + 800, 5, coldMs * 0.02, 0.03)),
            MetricRecord.From(MetricNames.LatencyBatch1, "ms", SampleSeries.Timings(seed, latencyCount, latencyMs, 0.06, spikes: 4)),
            MetricRecord.From(MetricNames.Throughput, "images/s", SampleSeries.Timings(seed + 900, 10, throughput, 0.03)),
            MetricRecord.From(MetricNames.InferGflops, "GFLOP/s", SampleSeries.Timings(seed + 950, 10, throughput * 0.0024, 0.03)),
        ], []);

    private static MeasurementRecord Peak(string engine, EngineInfo info, uint seed, double gflops) =>
        Record(engine, info, "machine", MeasurementKind.MachinePeak, StopReason.IntervalReached, 180L << 20,
            [MetricRecord.From(MetricNames.MatmulGflops, "GFLOP/s", SampleSeries.Timings(seed, 12, gflops, 0.01))], []);

    private static MeasurementRecord Failed(string engine, EngineInfo info, string workload, MeasurementKind kind, string reason) =>
        new($"{engine}-{workload}-{Kind(kind)}", engine, info, workload, kind, MeasurementStatus.Failed, reason, null,
            Start, Start.AddSeconds(3), null, "generated", [], []);

    private static MeasurementRecord Skipped(string engine, string workload, MeasurementKind kind, string reason) =>
        new($"{engine}-{workload}-{Kind(kind)}", engine, null, workload, kind, MeasurementStatus.Skipped, reason, null,
            Start, Start, null, null, [], []);

    private static MeasurementRecord Record(string engine, EngineInfo info, string workload, MeasurementKind kind, StopReason stop, long rss,
        IReadOnlyList<MetricRecord> metrics, IReadOnlyList<LossPoint> curve) =>
        new($"{engine}-{workload}-{Kind(kind)}", engine, info, workload, kind, MeasurementStatus.Ok, null, stop,
            Start.AddMinutes(1), Start.AddMinutes(2), rss, "generated", metrics, curve);

    private static string Kind(MeasurementKind kind) => kind.ToString().ToLowerInvariant();
}
