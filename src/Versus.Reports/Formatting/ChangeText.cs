using System.Globalization;
using Versus.Reports.Model;
using Versus.Reports.RunToRun;

namespace Versus.Reports.Formatting;

/// <summary>The words of a run-to-run comparison, in one place so the table, the chart and the summary agree.</summary>
internal static class ChangeText
{
    /// <summary>0.05 becomes "5%"; 0.025 "2.5%".</summary>
    public static string Threshold(double fraction) => (fraction * 100).ToString("0.##", CultureInfo.InvariantCulture) + "%";

    public static string Verdict(ChangeVerdict verdict) => verdict switch
    {
        ChangeVerdict.Faster => "faster",
        ChangeVerdict.Slower => "slower",
        _ => "no change",
    };

    /// <summary>"slower" must not be missed; an untested metric (fewer than 3 samples on a side) says so, with its count.</summary>
    public static Text Verdict(MetricChange change) => change switch
    {
        { Verdict: ChangeVerdict.Slower } => Text.Strong("slower"),
        { Tested: false } => $"untested (n={Math.Min(change.CountA, change.CountB)})",
        _ => Verdict(change.Verdict),
    };

    /// <summary>A p-value with the digits that matter; the smallest shown as a bound.</summary>
    public static string P(double? p) => p switch
    {
        null => "—",
        < 0.0001 => "<0.0001",
        double v => v.ToString("0.0000", CultureInfo.InvariantCulture),
    };

    /// <summary>"threads: 1 in A, 2 in B".</summary>
    public static string Difference(RunDifference d) => $"{d.What}: {d.InA} in A, {d.InB} in B";

    /// <summary>"torchsharp threads 1 vs 2", short enough for a table cell.</summary>
    public static string Short(RunDifference d) => $"{d.What} {d.InA} vs {d.InB}";
}
