namespace Versus.Serve.Trends;

/// <summary>One run's figure for the trend: its median and 95% interval (none under 10 samples), and the engine version and backend that made it.</summary>
public sealed record TrendPoint(string RunId, DateTimeOffset StartedAt, string EngineVersion, double Median, double? Low, double? High, int Samples, string Unit,
    IReadOnlyList<double> Values);
