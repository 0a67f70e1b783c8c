namespace Versus.Reports.Html.Charts;

/// <summary>
/// The geometry of a Tukey box from raw samples: quartiles (linear interpolation between order statistics), whiskers at
/// the furthest samples within 1.5 interquartile ranges, the rest drawn as outliers. Drawing, not analysis: the figures
/// the report states come from the model's points and tables.
/// </summary>
internal sealed record BoxShape(double Q1, double Median, double Q3, double WhiskerLow, double WhiskerHigh, IReadOnlyList<double> Outliers)
{
    public static BoxShape? Of(IReadOnlyList<double>? samples)
    {
        var sorted = (samples ?? []).Where(double.IsFinite).Order().ToArray();
        if (sorted.Length == 0) return null;
        var (q1, median, q3) = (Quantile(sorted, 0.25), Quantile(sorted, 0.5), Quantile(sorted, 0.75));
        var fence = 1.5 * (q3 - q1);
        var inside = sorted.Where(v => v >= q1 - fence && v <= q3 + fence).ToArray();
        var outliers = sorted.Where(v => v < q1 - fence || v > q3 + fence).ToArray();
        return new BoxShape(q1, median, q3, inside.DefaultIfEmpty(q1).Min(), inside.DefaultIfEmpty(q3).Max(), outliers);
    }

    private static double Quantile(double[] sorted, double p)
    {
        var h = (sorted.Length - 1) * p;
        var lower = (int)Math.Floor(h);
        var upper = Math.Min(lower + 1, sorted.Length - 1);
        return sorted[lower] + ((h - lower) * (sorted[upper] - sorted[lower]));
    }
}
