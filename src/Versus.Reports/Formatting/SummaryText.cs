using System.Globalization;
using Versus.Core.Results;
using Versus.Core.Statistics;

namespace Versus.Reports.Formatting;

/// <summary>
/// How a metric's summary reads in a cell: "12.35 ms [12.10-12.61]". A figure the sample cannot support (an interval
/// from fewer than <see cref="IntervalRule.MinimumSamples"/> samples, a tail percentile from too few) is written as
/// withheld with the reason, never as a number.
/// </summary>
internal static class SummaryText
{
    public const string Missing = "—";

    public static string MedianWithInterval(MetricRecord? metric)
    {
        if (metric is null) return Missing;
        if (metric.Summary is not { } s) return NoSamples(metric);
        var scale = Units.ScaleFor(s.Median, metric.Unit);
        var decimals = scale.DecimalsFor(s.Median);
        if (s is not { Ci95Low: double low, Ci95High: double high })
            return $"{scale.Format(s.Median, decimals)} ({Samples(s.Count)}, no interval)";
        return $"{scale.Format(s.Median, decimals)} [{Bare(scale, low, decimals)}-{Bare(scale, high, decimals)}]";
    }

    public static string Median(MetricRecord? metric) =>
        metric?.Summary is { } s ? Units.Format(s.Median, metric.Unit) : metric is null ? Missing : NoSamples(metric);

    public static string P90(MetricRecord? metric) => Tail(metric, s => s.P90, "p90", TailPercentileRule.MinimumForP90);

    public static string P99(MetricRecord? metric) => Tail(metric, s => s.P99, "p99", TailPercentileRule.MinimumForP99);

    public static string Cv(MetricRecord metric) =>
        metric.Summary is { Count: >= 2 } s ? (s.CoefficientOfVariation * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%" : Missing;

    public static string Flags(MetricRecord metric)
    {
        var flags = metric.Summary?.Flags ?? [];
        var all = metric.Note is null ? flags : [.. flags, metric.Note];
        return all.Count == 0 ? "none" : string.Join("; ", all);
    }

    public static string Samples(int count) => count == 1 ? "1 sample" : $"{count} samples";

    private static string Tail(MetricRecord? metric, Func<SampleSummary, double?> pick, string name, int required)
    {
        if (metric is null) return Missing;
        if (metric.Summary is not { } s) return NoSamples(metric);
        if (pick(s) is double value)
        {
            // The median's unit and decimals, so p50, p90 and p99 of one row read on the same scale.
            var scale = Units.ScaleFor(s.Median, metric.Unit);
            return scale.Format(value, scale.DecimalsFor(s.Median));
        }
        return $"withheld: {Samples(s.Count)}, {name} needs {required}";
    }

    private static string Bare(DisplayScale scale, double value, int decimals) =>
        (value * scale.Factor).ToString("N" + decimals, CultureInfo.InvariantCulture);

    private static string NoSamples(MetricRecord metric) => metric.Note is null ? "no samples" : $"no samples ({metric.Note})";
}
