using Versus.Core.Randomness;

namespace Versus.Core.Statistics;

/// <summary>
/// How one engine's standing against another moved between two runs: (engine / reference in run B) over (engine /
/// reference in run A), ratios of medians, with a percentile bootstrap that resamples all four samples independently.
/// Raw machine speed cancels: a machine twice as fast halves both engines' times and leaves this at 1.
/// </summary>
public static class RatioOfRatios
{
    public static RatioInterval Bootstrap(
        IReadOnlyList<double> engineA, IReadOnlyList<double> referenceA,
        IReadOnlyList<double> engineB, IReadOnlyList<double> referenceB,
        int resamples = 2000, uint seed = 7)
    {
        IReadOnlyList<double>[] samples = [engineA, referenceA, engineB, referenceB];
        if (samples.Any(s => s.Count == 0)) throw new ArgumentException("All four samples need values.");
        var point = Of(PlainMedian.Of(engineA), PlainMedian.Of(referenceA), PlainMedian.Of(engineB), PlainMedian.Of(referenceB));
        if (samples.Any(s => s.Count < IntervalRule.MinimumSamples)) return new RatioInterval(point, null, null);
        var random = new PortableRandom(seed, 79);
        var buffers = samples.Select(s => new double[s.Count]).ToArray();
        var ratios = new double[resamples];
        for (var r = 0; r < resamples; r++)
        {
            for (var k = 0; k < samples.Length; k++)
                for (var i = 0; i < buffers[k].Length; i++) buffers[k][i] = samples[k][random.NextInt(buffers[k].Length)];
            ratios[r] = Of(PlainMedian.Of(buffers[0]), PlainMedian.Of(buffers[1]), PlainMedian.Of(buffers[2]), PlainMedian.Of(buffers[3]));
        }
        Array.Sort(ratios);
        return new RatioInterval(point, ratios[(int)(0.025 * (resamples - 1))], ratios[(int)(0.975 * (resamples - 1))]);
    }

    private static double Of(double engineA, double referenceA, double engineB, double referenceB) =>
        engineB / referenceB / (engineA / referenceA);
}
