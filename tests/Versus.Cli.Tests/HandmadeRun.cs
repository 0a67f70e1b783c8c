using Versus.Core.Environments;
using Versus.Core.Results;

namespace Versus.Cli.Tests;

/// <summary>A small run as results.json would hold it, without measuring anything: for the store and resume rules.</summary>
public static class HandmadeRun
{
    public static RunResults Of(string runId, string status, string outDirectory, int threads = 1, long parameters = 1234) =>
        new(RunResults.CurrentSchemaVersion, runId, DateTimeOffset.UtcNow.AddMinutes(-5), status == "running" ? null : DateTimeOffset.UtcNow, status,
            new RunOptionsRecord(["torchsharp"], ["small-cnn-28"], true, 2, threads, "generated", 42, 0.05, 2, null, Deploy: false, OutDirectory: outDirectory),
            EnvironmentProbe.Capture(),
            [new EngineRecord("torchsharp", true, "TorchSharp 0.0.1, libtorch 0.1, cpu (handmade)", null)],
            [new WorkloadRecord("small-cnn-28", "handmade", "1x28x28", 10, parameters, 10, 30, 32, 64, 2, "sgd", "generated", "small-cnn-28.json")],
            [Measurement($"{runId}/torchsharp/machine/machinepeak", MeasurementKind.MachinePeak), Measurement($"{runId}/torchsharp/small-cnn-28/training", MeasurementKind.Training)],
            "Harrell-Davis");

    public static MeasurementRecord Measurement(string id, MeasurementKind kind) =>
        new(id, "torchsharp", null, kind == MeasurementKind.MachinePeak ? "machine" : "small-cnn-28", kind, MeasurementStatus.Failed, "handmade",
            null, DateTimeOffset.UtcNow.AddMinutes(-4), DateTimeOffset.UtcNow.AddMinutes(-3), null, null, [], []);

    /// <summary>Writes <paramref name="run"/> as its folder's results.json; returns the file's path.</summary>
    public static string Write(RunResults run)
    {
        Directory.CreateDirectory(run.Options.OutDirectory!);
        var path = Path.Combine(run.Options.OutDirectory!, "results.json");
        File.WriteAllText(path, ResultsJson.Serialize(run));
        return path;
    }
}
