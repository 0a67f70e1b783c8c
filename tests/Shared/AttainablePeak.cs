namespace Versus.Testing;

/// <summary>
/// The expected machine peak, computed here by hand from its definition (docs/results.md): the 90th percentile of the
/// best size's matrix-product rates, linear between order statistics; the maximum under 10 rates.
/// </summary>
internal static class AttainablePeak
{
    public static double Of(IReadOnlyList<double> rates)
    {
        var sorted = rates.Order().ToArray();
        if (sorted.Length < 10) return sorted[^1];
        var at = 0.9 * (sorted.Length - 1);
        var i = (int)at;
        return sorted[i] + (at - i) * (sorted[Math.Min(i + 1, sorted.Length - 1)] - sorted[i]);
    }
}
