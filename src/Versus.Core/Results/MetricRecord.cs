using Versus.Core.Statistics;

namespace Versus.Core.Results;

/// <summary>One figure of a measurement with all its samples and their summary (null summary for a failed metric).</summary>
public sealed record MetricRecord(string Name, string Unit, IReadOnlyList<double> Samples, SampleSummary? Summary, string? Note = null)
{
    public static MetricRecord From(string name, string unit, IReadOnlyList<double> samples, string? note = null) =>
        new(name, unit, samples, samples.Count > 0 ? SampleStatistics.Summarize(samples) : null, note);

    public static MetricRecord Single(string name, string unit, double value, string? note = null) => From(name, unit, [value], note);
}
