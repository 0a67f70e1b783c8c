using Versus.Core.Results;

namespace Versus.Reports.Analysis;

/// <summary>One engine at one depth N: its batch-1 latency and training step, each with its growth over the smallest N.</summary>
internal sealed record DepthPoint(
    string Engine,
    string Workload,
    int N,
    MeasurementRecord Source,
    MetricRecord? Latency,
    Growth? LatencyGrowth,
    MetricRecord? Step,
    Growth? StepGrowth);
