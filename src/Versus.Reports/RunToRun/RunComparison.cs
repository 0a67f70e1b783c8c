using System.Text.Json.Serialization;

namespace Versus.Reports.RunToRun;

/// <summary>
/// Run B measured against run A, once, in no format: every shared metric with its ratio, test and verdict, every engine
/// ratio's change, and every setting that differs. The terminal, Markdown, HTML and JSON all render this.
/// </summary>
/// <param name="SameMachine">Same machine name, CPU model and core count: raw ratios are then meaningful.</param>
/// <param name="Differences">Every difference: run-wide ones first, then each engine's and workload's, each once.</param>
public sealed record RunComparison(
    string RunA,
    string RunB,
    ComparisonOptions Options,
    bool SameMachine,
    IReadOnlyList<RunDifference> Differences,
    IReadOnlyList<MetricChange> Metrics,
    IReadOnlyList<EngineRatioChange> EngineRatios)
{
    public const string Method =
        "ratio of medians B/A with a 95% percentile bootstrap (both samples resampled); one Mann-Whitney test per metric " +
        "for a change beyond the threshold (Perfolizer, two one-sided tests, the smaller p doubled); Benjamini-Hochberg " +
        "across the family of tested metrics; faster or slower only when the adjusted p is within the false discovery " +
        "rate and the ratio of medians lies beyond the threshold";

    /// <summary>How the figures were reached, so a JSON reader need not look it up.</summary>
    public string StatisticsMethod => Method;

    [JsonIgnore]
    public IEnumerable<MetricChange> Regressions => Metrics.Where(m => m.Verdict == ChangeVerdict.Slower);

    public int Count(ChangeVerdict verdict) => Metrics.Count(m => m.Verdict == verdict);
}
