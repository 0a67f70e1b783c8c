using Versus.Core.Engines;
using Versus.Core.Environments;
using Versus.Core.Randomness;
using Versus.Core.Results;
using Versus.Core.Statistics;
using Versus.Store;

namespace Versus.Cli.Tests;

/// <summary>Runs with hand-made samples, stored in a real SQLite file or written as results.json, for "versus compare".</summary>
internal static class StoredRunsForComparison
{
    public static async Task StoreAsync(string db, params RunResults[] runs)
    {
        await using var store = await SqliteResultStore.OpenAsync(db);
        foreach (var run in runs)
        {
            await store.BeginRunAsync(run with { Measurements = [] });
            foreach (var m in run.Measurements) await store.SaveMeasurementAsync(run.RunId, m);
            await store.FinishRunAsync(run.RunId, "completed", run.StartedAt.AddMinutes(3));
        }
    }

    /// <summary>One engine's batch-1 latency on one workload: <paramref name="medianMs"/> with +/-3% uniform noise.</summary>
    public static RunResults Run(string id, string workload, double medianMs, uint seed, int threads = 2) =>
        new(RunResults.CurrentSchemaVersion, id, new DateTimeOffset(2026, 12, 2, 10, 15, 0, TimeSpan.Zero), null, "running",
            new RunOptionsRecord(["torchsharp"], [workload], true, null, threads, "generated", 42, 0.05, 10),
            new EnvironmentInfo("bench-01", "Debian GNU/Linux 12", "6.1.0", "X64", "AMD EPYC 7B13", ["avx2"], 2, 1, 8L << 30, 6L << 30, "10.0.0", "0.1.0"),
            [new EngineRecord("torchsharp", true, "TorchSharp 0.107.0", null, FrameworkFamily.PyTorch)],
            [new WorkloadRecord(workload, workload, "28x28x1", 10, 1_199_882, 11_972_160, 35_916_480, 64, 64, 2, "adam", "generated", $"workloads/{workload}.json")],
            [Latency(workload, medianMs, seed, threads)], SampleSummary.IntervalMethod);

    private static MeasurementRecord Latency(string workload, double medianMs, uint seed, int threads)
    {
        var random = new PortableRandom(seed, 3);
        var samples = Enumerable.Range(0, 60).Select(_ => medianMs * (0.97 + (0.06 * random.NextDouble()))).ToList();
        return new MeasurementRecord($"torchsharp/{workload}/inference", "torchsharp",
            new EngineInfo("torchsharp", "PyTorch (libtorch) via TorchSharp", "2.10.0", "cpu", "dotnet 10.0.0", threads, new Dictionary<string, string>()),
            workload, MeasurementKind.Inference, MeasurementStatus.Ok, null, StopReason.IntervalReached,
            new DateTimeOffset(2026, 12, 2, 10, 15, 5, TimeSpan.Zero), new DateTimeOffset(2026, 12, 2, 10, 15, 35, TimeSpan.Zero), 300L << 20,
            "generated", [MetricRecord.From(MetricNames.LatencyBatch1, "ms", samples)], []);
    }
}
