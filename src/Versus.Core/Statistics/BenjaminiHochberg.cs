namespace Versus.Core.Statistics;

/// <summary>
/// Benjamini-Hochberg adjusted p-values (q-values) for a family of tests: a test whose q is at most the chosen false
/// discovery rate is a discovery, and among the discoveries the expected share of false ones stays at or below that rate.
/// Comparing two runs tests dozens of metrics at once; unadjusted, a few would look changed by chance alone.
/// </summary>
public static class BenjaminiHochberg
{
    /// <summary>The adjusted p-value of each input, in the input's order: min over j &gt;= rank of m p(j) / j, at most 1.</summary>
    public static IReadOnlyList<double> Adjust(IReadOnlyList<double> pValues)
    {
        foreach (var p in pValues)
            if (double.IsNaN(p) || p < 0 || p > 1) throw new ArgumentOutOfRangeException(nameof(pValues), p, "A p-value lies in [0, 1].");
        var m = pValues.Count;
        var order = Enumerable.Range(0, m).OrderBy(i => pValues[i]).ToArray();
        var adjusted = new double[m];
        var running = 1.0;
        // Step up from the largest p-value so the adjusted values keep the order of the raw ones.
        for (var rank = m; rank >= 1; rank--)
        {
            var index = order[rank - 1];
            running = Math.Min(running, pValues[index] * m / rank);
            adjusted[index] = running;
        }
        return adjusted;
    }
}
