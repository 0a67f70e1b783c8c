using Versus.Core.Results;
using Versus.Reports.RunToRun;

namespace Versus.Serve.Compare;

/// <summary>
/// The compare page's analysis is 'versus compare's (<see cref="RunComparer"/>): per shared metric the ratio of medians
/// with its bootstrap interval, a Mann-Whitney test beyond the threshold, Benjamini-Hochberg across the metrics and a
/// faster / slower / no-change verdict. Rows are turned around to read "how many times faster the faster run was".
/// </summary>
public sealed class StatisticalRunComparer : IRunComparer
{
    public RunComparison Compare(RunResults a, RunResults b)
    {
        var options = ComparisonOptions.Default;
        var comparison = RunComparer.Compare(a, b, options);
        var rows = comparison.Metrics.Select(Row).ToList();
        return new RunComparison(a.RunId, b.RunId, rows, string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"As versus compare (docs/compare.md): ratio of medians with a bootstrap 95% interval (10 or more samples a side), " +
            $"a Mann-Whitney test of a change beyond {options.Threshold * 100:0.#}% on the raw samples, and Benjamini-Hochberg across " +
            $"the {rows.Count} metrics; a run is named faster only where that verdict says so, otherwise 'no change'."),
            [.. comparison.EngineRatios.Select(e => new EngineRatioRow(e.Workload, e.Kind, e.Metric, e.Engine, e.Reference, e.RatioA,
                e.RatioB, e.Change.Ratio, e.Change.Low, e.Change.High))]);
    }

    private static MetricChange Row(Versus.Reports.RunToRun.MetricChange m)
    {
        // B over A; for a time, B is faster below 1; for a rate, above 1.
        var bFaster = m.LowerIsBetter ? m.Ratio.Ratio < 1 : m.Ratio.Ratio > 1;
        var flip = m.LowerIsBetter == bFaster;
        double Oriented(double value) => flip ? 1 / value : value;
        var (low, high) = m.Ratio is { Low: double l, High: double h } ? (flip ? (1 / h, 1 / l) : (l, h)) : ((double?)null, (double?)null);
        string? faster = m.Verdict switch
        {
            ChangeVerdict.Faster => "B",
            ChangeVerdict.Slower => "A",
            _ => null,
        };
        return new MetricChange(m.Engine, m.Workload, m.Kind, m.Metric, m.Unit, m.MedianA, m.MedianB, faster,
            Oriented(m.Ratio.Ratio), low, high, IsClear: faster is not null);
    }
}
