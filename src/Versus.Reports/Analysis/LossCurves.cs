using Versus.Core.Results;

namespace Versus.Reports.Analysis;

/// <summary>Reduces a per-step loss curve to something that fits in a table cell.</summary>
internal static class LossCurves
{
    private const string Bars = "▁▂▃▄▅▆▇█";

    /// <summary>Mean loss per epoch: a single step's loss is too noisy to stand for its epoch.</summary>
    public static IReadOnlyList<EpochLoss> PerEpoch(IReadOnlyList<LossPoint> curve) =>
        [.. curve.GroupBy(p => p.Epoch).OrderBy(g => g.Key).Select(g => new EpochLoss(
            g.Key, g.Average(p => p.Loss), g.Count(), g.LastOrDefault(p => p.TestAccuracy is not null)?.TestAccuracy))];

    /// <summary>The curve's shape in at most <paramref name="width"/> bars, each the mean of an equal slice of the points.</summary>
    public static string Sparkline(IReadOnlyList<LossPoint> curve, int width = 24)
    {
        var losses = curve.Select(p => p.Loss).Where(double.IsFinite).ToList();
        if (losses.Count == 0) return "";
        var buckets = Math.Min(width, losses.Count);
        var means = Enumerable.Range(0, buckets)
            .Select(b => losses.Skip(b * losses.Count / buckets).Take(((b + 1) * losses.Count / buckets) - (b * losses.Count / buckets)).Average())
            .ToList();
        var (min, max) = (means.Min(), means.Max());
        return string.Concat(means.Select(m => Bars[max == min ? 0 : (int)Math.Round((m - min) / (max - min) * (Bars.Length - 1))]));
    }
}
