using Versus.Core.Engines;
using Versus.Core.Results;
using Versus.Core.Statistics;
using Versus.Reports.Model;

namespace Versus.Reports.Formatting;

/// <summary>Words for the enums and records the report names, kept in one place so every section says the same thing.</summary>
internal static class Labels
{
    public const string Measured = "measured here";

    public static string Cited(string source) => $"cited ({source})";

    public static string Stop(StopReason? reason) => reason switch
    {
        StopReason.IntervalReached => "interval reached",
        StopReason.BudgetSpent => "budget spent",
        StopReason.MaxSamples => "sample cap reached",
        StopReason.PlannedWork => "planned work",
        null => "—",
        _ => reason.Value.ToString(),
    };

    public static string Kind(MeasurementKind kind) => kind switch
    {
        MeasurementKind.Training => "training",
        MeasurementKind.Inference => "inference",
        MeasurementKind.MachinePeak => "machine peak",
        _ => kind.ToString(),
    };

    public static string Warmup(WarmupPhase phase) => phase switch
    {
        WarmupPhase.Latency => "batch-1 latency",
        WarmupPhase.Throughput => "throughput",
        WarmupPhase.Training => "training",
        WarmupPhase.Matmul => "matrix product",
        _ => phase.ToString(),
    };

    public static string Status(MeasurementStatus status) => status.ToString().ToLowerInvariant();

    /// <summary>
    /// "TensorFlow.js 4.22.0 (Keras layers API), webgl on llvmpipe": the library a worker says it ran, its backend and,
    /// where the worker named it, the device, so "TensorFlow" never stands alone; or a plain statement that it did not say.
    /// </summary>
    public static string Framework(EngineInfo? info)
    {
        if (info is null) return "not reported";
        var device = info.Details.TryGetValue("device", out var d) && d.Length > 0 ? $" on {d}" : "";
        return $"{LibraryName.Of(info)}, {info.Backend}{device}";
    }

    public static Text Code(string id) => Text.Code(id);
}
