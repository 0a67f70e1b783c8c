using Versus.Core.Results;

namespace Versus.Serve.Compare;

/// <summary>
/// An engine against a reference engine in each run, and B's ratio over A's with its 95% interval (absent under 10
/// samples a side): raw machine speed cancels, so this is the row to read when the runs are on different machines.
/// </summary>
public sealed record EngineRatioRow(
    string Workload,
    MeasurementKind Kind,
    string Metric,
    string Engine,
    string Reference,
    double RatioA,
    double RatioB,
    double Change,
    double? Low,
    double? High);
