using Versus.Core.Results;

namespace Versus.Serve.Compare;

/// <summary>
/// One shared metric in runs A and B: both medians and how many times faster the faster run was, with its 95% interval
/// (absent under 10 samples a side). <see cref="Faster"/> is "A", "B", or null where the test found no change.
/// </summary>
public sealed record MetricChange(
    string Engine,
    string Workload,
    MeasurementKind Kind,
    string Metric,
    string Unit,
    double MedianA,
    double MedianB,
    string? Faster,
    double Ratio,
    double? Low,
    double? High,
    bool IsClear);
