using System.Globalization;
using Versus.Core.Results;
using Versus.Core.Statistics;

namespace Versus.Cli.Console;

/// <summary>Short human labels for measurements in progress output and summaries.</summary>
public static class Label
{
    public static string Of(string engine, string workload, MeasurementKind kind) =>
        kind == MeasurementKind.MachinePeak ? $"{engine} machine fp32 matmul peak" : $"{engine} {workload} {Kind(kind)}";

    public static string Kind(MeasurementKind kind) => kind switch
    {
        MeasurementKind.Training => "training",
        MeasurementKind.Inference => "inference",
        _ => "machine peak",
    };

    public static string Outcome(MeasurementRecord record) => record.Status switch
    {
        MeasurementStatus.Ok => Headline(record) ?? "ok",
        MeasurementStatus.Skipped => $"skipped: {record.Reason}",
        _ => $"FAILED: {record.Reason}",
    };

    /// <summary>The one figure that best describes the measurement, with its interval.</summary>
    public static string? Headline(MeasurementRecord record)
    {
        var name = record.Kind switch
        {
            MeasurementKind.Training => MetricNames.TrainStep,
            MeasurementKind.Inference => MetricNames.LatencyBatch1,
            _ => MetricNames.MatmulGflops,
        };
        var metric = record.Metric(name);
        if (metric?.Summary is not { } s) return null;
        var what = record.Kind switch
        {
            MeasurementKind.Training => "step",
            MeasurementKind.Inference => "batch-1 latency",
            _ => "peak",
        };
        return string.Create(CultureInfo.InvariantCulture,
            $"{what} {s.Median:0.###} {metric.Unit} {IntervalText.Bracket(s, "0.###")}, n={s.Count}, stopped: {record.StopReason}");
    }
}
