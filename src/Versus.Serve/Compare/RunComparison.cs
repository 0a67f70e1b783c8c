namespace Versus.Serve.Compare;

/// <summary>Two runs side by side: one row per metric both measured on the same engine, workload and kind.</summary>
/// <param name="Method">One sentence on how the figures were compared, shown under the table.</param>
/// <param name="EngineRatios">Each engine over a reference engine in both runs: the ratio of ratios that cancels the machines.</param>
public sealed record RunComparison(string RunA, string RunB, IReadOnlyList<MetricChange> Rows, string Method,
    IReadOnlyList<EngineRatioRow> EngineRatios);
