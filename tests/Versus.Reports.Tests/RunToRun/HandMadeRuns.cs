using Versus.Core.Engines;
using Versus.Core.Environments;
using Versus.Core.Results;
using Versus.Core.Statistics;

namespace Versus.Reports.Tests.RunToRun;

/// <summary>Runs built from samples chosen by hand, so a test knows the shift it planted and nothing else differs.</summary>
internal static class HandMadeRuns
{
    public static readonly EnvironmentInfo Machine = new("bench-01", "Debian GNU/Linux 12", "6.1.0", "X64", "AMD EPYC 7B13", ["avx2"],
        2, 1, 8L << 30, 6L << 30, "10.0.0", "0.1.0");

    public static EngineInfo Engine(string id, int threads = 2, string version = "2.10.0") =>
        new(id, $"{id} framework", version, "cpu", "dotnet 10.0.0", threads, new Dictionary<string, string>());

    public static RunResults Run(string id, IReadOnlyList<MeasurementRecord> measurements, EnvironmentInfo? machine = null, int threads = 2,
        int batchSize = 64) =>
        new(RunResults.CurrentSchemaVersion, id, SampleRun.Start, SampleRun.Start.AddMinutes(5), "completed",
            new RunOptionsRecord([.. measurements.Select(m => m.Engine).Distinct()], [.. measurements.Select(m => m.Workload).Distinct()],
                true, null, threads, "generated", 42, 0.05, 10),
            machine ?? Machine, [],
            [.. measurements.Select(m => m.Workload).Distinct().Select(w =>
                new WorkloadRecord(w, w, "1x28x28", 10, 1000, 2000, 6000, batchSize, 64, 2, "adam", "generated", $"workloads/{w}.json"))],
            measurements, SampleSummary.IntervalMethod);

    public static MeasurementRecord Training(string engine, string workload, IReadOnlyList<double> stepMs, EngineInfo? info = null) =>
        Record(engine, workload, MeasurementKind.Training, info,
        [
            MetricRecord.Single(MetricNames.TrainTotal, "s", stepMs.Sum() / 1000),
            MetricRecord.From(MetricNames.TrainStep, "ms", stepMs),
        ]);

    public static MeasurementRecord Latency(string engine, string workload, IReadOnlyList<double> latencyMs, EngineInfo? info = null) =>
        Record(engine, workload, MeasurementKind.Inference, info, [MetricRecord.From(MetricNames.LatencyBatch1, "ms", latencyMs)]);

    public static MeasurementRecord Throughput(string engine, string workload, IReadOnlyList<double> imagesPerSecond) =>
        Record(engine, workload, MeasurementKind.Inference, null, [MetricRecord.From(MetricNames.Throughput, "images/s", imagesPerSecond)]);

    private static MeasurementRecord Record(string engine, string workload, MeasurementKind kind, EngineInfo? info, IReadOnlyList<MetricRecord> metrics) =>
        new($"{engine}/{workload}/{kind}", engine, info ?? Engine(engine), workload, kind, MeasurementStatus.Ok, null, StopReason.IntervalReached,
            SampleRun.Start, SampleRun.Start.AddSeconds(30), null, "generated", metrics, []);
}
