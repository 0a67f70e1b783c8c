using System.Globalization;
using Versus.Core.Engines;

namespace Versus.Reports.Verdict;

/// <summary>
/// Rubric 1's speed rule (docs/scoring.md): the geometric mean of the counted PyTorch-against-TensorFlow ratios (ties
/// as 1, comparisons with failed parity or no interval left out), then 10 for the faster family and 10 minus 2 per
/// doubling of time for the slower one (0 at 32x or more). Measured ratios only: no citation moves it.
/// </summary>
internal static class PerformanceRule
{
    public const double PointsPerDoubling = 2;

    public static Score Rate(IReadOnlyList<MeasuredEvidence> comparisons, FrameworkFamily family, string what)
    {
        var ids = comparisons.Select(c => c.Id).ToList();
        var counted = Counted(comparisons);
        if (counted.Count == 0)
        {
            var why = comparisons.Count == 0
                ? $"Unknown: no {what} of a PyTorch engine against a TensorFlow engine was measured in this run."
                : $"Unknown: all {comparisons.Count} {what} comparison(s) were left out (failed parity or no interval).";
            return Score.Unknown(10, why, ids);
        }
        var meanLog2 = MeanLog2(counted);
        var behind = Math.Max(0, family == FrameworkFamily.PyTorch ? -meanLog2 : meanLog2);
        var exact = Math.Clamp(10 - (PointsPerDoubling * behind), 0, 10);
        var ties = counted.Count(c => c.Use == ComparisonUse.Tie);
        var basis = string.Create(CultureInfo.InvariantCulture,
            $"Geometric mean of {counted.Count} measured {what} comparison(s) ({ties} tie(s) counted as 1, " +
            $"{comparisons.Count - counted.Count} left out): {Lead(meanLog2)}; {family} is {Math.Pow(2, behind):0.00}x " +
            $"behind the faster family, scored 10 minus {PointsPerDoubling:0} per doubling.");
        return Score.Known(exact, 10, ConfidenceOf(counted), ids, basis);
    }

    /// <summary>
    /// "training step time: PyTorch 4.00x faster (geometric mean of 3 measured comparisons, on depth-2, depth-4 and
    /// depth-8: torchsharp on cpu vs tfjs on webgl)": the figure a recommendation names, the workloads it rests on and
    /// those left out with why, and the engines on each side once.
    /// </summary>
    public static string Summary(IReadOnlyList<MeasuredEvidence> comparisons, string what)
    {
        var counted = Counted(comparisons);
        if (counted.Count == 0) return $"{what}: no counted comparison";
        string Sides(FrameworkFamily family) => string.Join(", ", counted
            .SelectMany(c => new[] { c.Faster, c.Slower })
            .Where(s => s.Family == family)
            .Select(s => s.ThroughOnnx ? $"{s.Label} (through ONNX)" : s.Label)
            .Distinct());
        var how = counted.Count == 1 ? "1 measured comparison" : $"geometric mean of {counted.Count} measured comparisons";
        var leftOut = comparisons.Where(c => c.PyTorchLog2Advantage is null).ToList();
        var left = leftOut.Count == 0 ? "" : $"; left out: {string.Join(", ", leftOut.Select(c => $"{c.Workload} ({WhyLeftOut(c.Use)})").Distinct())}";
        return $"{what}: {Lead(MeanLog2(counted))} ({how}, on {Workloads(counted)}{left}: " +
            $"{Sides(FrameworkFamily.PyTorch)} vs {Sides(FrameworkFamily.TensorFlow)})";
    }

    /// <summary>The workloads a figure rests on, so a reader can see whether the deck's own model is among them.</summary>
    private static string Workloads(IEnumerable<MeasuredEvidence> comparisons)
    {
        var names = comparisons.Select(c => c.Workload).Distinct().ToList();
        return names.Count == 1 ? names[0] : $"{string.Join(", ", names[..^1])} and {names[^1]}";
    }

    private static string WhyLeftOut(ComparisonUse use) => use switch
    {
        ComparisonUse.ExcludedParityFailed => "parity failed",
        _ => "too few samples for an interval",
    };

    /// <summary>Unrounded 0-1 value for the recommendation, or null where the score is unknown.</summary>
    public static double? Utility(IReadOnlyList<MeasuredEvidence> comparisons, FrameworkFamily family) =>
        Rate(comparisons, family, "speed").Exact / 10;

    /// <summary>The mean log2 of PyTorch's advantage over the counted comparisons (positive: PyTorch faster); null where none counted.</summary>
    public static double? PyTorchLog2Advantage(IReadOnlyList<MeasuredEvidence> comparisons)
    {
        var counted = Counted(comparisons);
        return counted.Count == 0 ? null : MeanLog2(counted);
    }

    /// <summary>
    /// How much a speed priority adds to PyTorch's side, per unit of weight, at a mean log2 advantage: the utilities'
    /// difference, 10 for the faster minus 10 - 2 per doubling for the slower, over 10: clamp(0.2 x, -1, 1).
    /// </summary>
    public static double DifferenceAt(double log2Advantage) => Math.Clamp(PointsPerDoubling / 10 * log2Advantage, -1, 1);

    /// <summary>The mean log2 advantage at which <see cref="DifferenceAt"/> equals <paramref name="difference"/>; null outside (-1, 1), which no figure reaches.</summary>
    public static double? Log2AdvantageFor(double difference) =>
        Math.Abs(difference) < 1 ? difference / (PointsPerDoubling / 10) : null;

    private static List<MeasuredEvidence> Counted(IReadOnlyList<MeasuredEvidence> comparisons) =>
        [.. comparisons.Where(c => c.PyTorchLog2Advantage is not null)];

    private static double MeanLog2(List<MeasuredEvidence> counted) => counted.Average(c => c.PyTorchLog2Advantage!.Value);

    private static string Lead(double meanLog2) => meanLog2 == 0
        ? "level"
        : string.Create(CultureInfo.InvariantCulture,
            $"{(meanLog2 > 0 ? "PyTorch" : "TensorFlow")} {Math.Pow(2, Math.Abs(meanLog2)):0.00}x faster");

    private static Confidence ConfidenceOf(IReadOnlyList<MeasuredEvidence> counted)
    {
        var allParity = counted.All(c => c.Parity == ParityStatus.Passed);
        if (counted.Count >= 3 && allParity) return Confidence.High;
        return counted.Count >= 2 || allParity ? Confidence.Medium : Confidence.Low;
    }
}
