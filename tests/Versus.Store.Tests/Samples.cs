using Versus.Core.Engines;
using Versus.Core.Environments;
using Versus.Core.Results;

namespace Versus.Store.Tests;

/// <summary>Realistic runs and measurements, with every optional field filled so a round trip can lose nothing unseen.</summary>
internal static class Samples
{
    public static readonly DateTimeOffset Start = new DateTimeOffset(2026, 11, 25, 10, 0, 0, TimeSpan.Zero).AddTicks(1_234_567);

    public static RunResults Run(string runId, DateTimeOffset? startedAt = null, string machine = "bench-01") => new(
        RunResults.CurrentSchemaVersion,
        runId,
        startedAt ?? Start,
        null,
        RunStatus.Running,
        new RunOptionsRecord(["torchsharp", "tfjs"], ["small-cnn-28"], Quick: false, Epochs: 2, Threads: 2, Data: "generated", Seed: 42,
            TargetRelativeHalfWidth: 0.02, MeasurementBudgetSeconds: 30),
        new EnvironmentInfo(machine, "Debian GNU/Linux 12", "6.1.0-28-amd64", "X64", "AMD EPYC 7B13", ["avx2", "fma"], 2, 1,
            8_000_000_000, 6_500_000_000, "10.0.0", "0.1.0-test"),
        [new EngineRecord("torchsharp", true, "TorchSharp 0.107.0 (libtorch 2.10, cpu)", null),
         new EngineRecord("tfjs", false, "Node.js not found", "Install Node.js 20 or newer")],
        [new WorkloadRecord("small-cnn-28", "28x28x1 images, 10 classes", "28x28x1", 10, 1_199_882, 11_972_160, 35_916_480, 64, 256, 2,
            "adam", "generated", "models/small-cnn-28.json")],
        [],
        "Harrell-Davis median with a 95% interval");

    public static MeasurementRecord Ok(string id = "torchsharp/small-cnn-28/inference") => new(
        id,
        "torchsharp",
        new EngineInfo("torchsharp", "PyTorch", "2.10.0", "cpu", "dotnet 10.0.0", 2, new Dictionary<string, string> { ["torchsharp"] = "0.107.0" }),
        "small-cnn-28",
        MeasurementKind.Inference,
        MeasurementStatus.Ok,
        null,
        Core.Statistics.StopReason.IntervalReached,
        Start.AddSeconds(5),
        Start.AddSeconds(35.5),
        734_003_200,
        "generated",
        [MetricRecord.From(MetricNames.LatencyBatch1, "ms", [0.41, 0.39, 0.44, 0.40, 0.42, 0.38, 0.43, 0.40, 0.41, 1.2]),
         MetricRecord.From(MetricNames.Throughput, "images/s", [2210.5, 2250.25, 2198.75]),
         MetricRecord.Single(MetricNames.ColdStart, "ms", 812.5, "process start to first prediction")],
        []);

    public static MeasurementRecord Failed(string id = "tfjs/small-cnn-28/training") => new(
        id,
        "tfjs",
        null,
        "small-cnn-28",
        MeasurementKind.Training,
        MeasurementStatus.Failed,
        "worker exited with code 1: Conv2DBackpropFilter not registered for backend 'wasm'",
        null,
        Start.AddSeconds(36),
        Start.AddSeconds(37.25),
        null,
        null,
        [new MetricRecord(MetricNames.TrainStep, "ms", [], null, "no step finished")],
        [new LossPoint(1, 1, 2.3026), new LossPoint(1, 2, 2.1, 0.31, 1.5)]);

    public static MeasurementRecord Skipped(string id) => Failed(id) with { Status = MeasurementStatus.Skipped, Reason = "engine not usable" };

    public static DeploymentRecord Deployment(DeploymentTarget target, string engine) => new(target, engine, "small-cnn-28", DeploymentStatus.Passed,
        "reproduced TorchSharp's logits; batch-1 latency 0.28 ms", [MetricRecord.From(MetricNames.DeployBrowserLatency, "ms", [0.31, 0.28, 0.27, 0.29, 0.30], "in the page")]);
}
