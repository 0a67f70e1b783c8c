using System.Text.RegularExpressions;
using Versus.Core.Results;

namespace Versus.Serve.Trends;

/// <summary>Which trend to draw: one metric of one engine on one workload, on one machine. Values outside their pattern or list are refused.</summary>
public sealed partial record TrendQuery(string Machine, string Engine, string Workload, string Metric)
{
    /// <summary>The speed metrics a trend can follow (those the report ranks), each a median with an interval.</summary>
    public static IReadOnlyList<string> Metrics { get; } =
    [
        MetricNames.LatencyBatch1, MetricNames.Throughput, MetricNames.ColdStart, MetricNames.ThroughputBatchLatency,
        MetricNames.TrainStep, MetricNames.TrainThroughput, MetricNames.TrainEpoch, MetricNames.TrainTotal,
    ];

    public static string? Problem(string name, string? value) =>
        value is null || Value().IsMatch(value) ? null
            : $"{name} '{(value.Length > 40 ? value[..40] + "…" : value)}' is not a valid value (letters, digits, ':', '.', '_', '-'; at most 64).";

    [GeneratedRegex("^[A-Za-z0-9:._-]{1,64}$")]
    private static partial Regex Value();
}
