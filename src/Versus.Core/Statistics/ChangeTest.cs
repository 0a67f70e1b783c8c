using Perfolizer.Mathematics.SignificanceTesting.Base;
using Perfolizer.Mathematics.SignificanceTesting.MannWhitney;
using Perfolizer.Metrology;
using Pragmastat;

namespace Versus.Core.Statistics;

/// <summary>
/// Did a metric move between two samples by more than a practical threshold? Perfolizer's Mann-Whitney test with a
/// relative threshold, the test behind BenchmarkDotNet's StatisticalTestColumn: "after &gt; before x (1 + t)" and
/// "before &gt; after x (1 + t)", each one-sided, on the raw samples (rank-based, so no normality is assumed).
/// </summary>
public static class ChangeTest
{
    /// <summary>Fewer values than this on a side and no Mann-Whitney p-value can reach a useful level (3 vs 3: p &gt;= 0.05).</summary>
    public const int MinimumSamples = 3;

    /// <param name="before">The baseline sample.</param>
    /// <param name="after">The sample compared with it.</param>
    /// <param name="threshold">The relative change that matters, as a fraction (0.05 for 5%); 0 tests any change.</param>
    public static ChangeTestResult Run(IReadOnlyList<double> before, IReadOnlyList<double> after, double threshold)
    {
        if (before.Count < MinimumSamples || after.Count < MinimumSamples)
            throw new ArgumentException($"Each sample needs at least {MinimumSamples} values.");
        if (!double.IsFinite(threshold) || threshold < 0) throw new ArgumentOutOfRangeException(nameof(threshold), threshold, "A threshold is a finite fraction of 0 or more.");
        var x = new Sample(before.ToArray());
        var y = new Sample(after.ToArray());
        // A percent threshold scales the sample it is applied to: Perfolizer tests x > y * (1 + t/100).
        var shift = new Threshold(new Pragmastat.Metrology.Measurement(threshold * 100, PercentUnit.Instance));
        var increase = MannWhitneyTest.Instance.Perform(y, x, AlternativeHypothesis.Greater, shift).PValue;
        var decrease = MannWhitneyTest.Instance.Perform(x, y, AlternativeHypothesis.Greater, shift).PValue;
        return new ChangeTestResult(Clamp(increase), Clamp(decrease));
    }

    // The exact distributions can return 1 - cdf a hair below 0 or above 1 in floating point. A sample the test cannot
    // rank (a NaN in it) gives NaN: no evidence of a change either way, so the p-value is 1 rather than a NaN that
    // would stop the family correction and with it the whole comparison ('versus compare' exited 70 on one).
    private static double Clamp(double p) => double.IsNaN(p) ? 1 : Math.Clamp(p, 0, 1);
}
