using Versus.Core.Randomness;

namespace Versus.Reports.Tests;

/// <summary>Timing-like samples: a median, multiplicative noise with a right skew, and a few slow spikes, as real timers give.</summary>
internal static class SampleSeries
{
    public static double[] Timings(uint seed, int count, double median, double spread = 0.04, int spikes = 0)
    {
        var random = new PortableRandom(seed, 11);
        var values = new double[count];
        for (var i = 0; i < count; i++)
        {
            // Sum of uniforms is near-normal; squaring the positive side skews it right like scheduler noise does.
            var z = random.NextDouble() + random.NextDouble() + random.NextDouble() - 1.5;
            values[i] = median * (1 + (spread * z) + (z > 0 ? spread * z * z : 0));
        }
        for (var i = 0; i < spikes; i++) values[random.NextInt(count)] = median * (2.5 + random.NextDouble());
        return values;
    }
}
