using Versus.Core.Results;

namespace Versus.Reports.Verdict;

/// <summary>The plain words a verdict sentence uses for the metrics the rubric reads.</summary>
internal static class MetricWords
{
    public static string Of(string metric) => metric switch
    {
        MetricNames.TrainStep => "training step time",
        MetricNames.LatencyBatch1 => "batch-1 inference latency",
        MetricNames.Throughput => "inference throughput",
        MetricNames.ColdStart => "cold start",
        _ => metric,
    };
}
