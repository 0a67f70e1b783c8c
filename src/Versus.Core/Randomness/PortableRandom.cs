namespace Versus.Core.Randomness;

/// <summary>
/// xoshiro128** seeded through SplitMix32: 32-bit integer arithmetic only, so a JavaScript worker (Math.imul, >>> 0)
/// reproduces every value bit for bit. Streams separate independent uses of one seed (weights, data, epoch order).
/// The algorithm is specified in docs/data.md.
/// </summary>
public sealed class PortableRandom
{
    public const uint StreamWeights = 1;
    public const uint StreamTrainData = 2;
    public const uint StreamTestData = 3;
    public const uint StreamEpochOrderBase = 1000;

    private uint s0, s1, s2, s3;

    public PortableRandom(uint seed, uint stream)
    {
        var x = unchecked(seed + stream * 0x9E3779B9u);
        s0 = SplitMix32(ref x);
        s1 = SplitMix32(ref x);
        s2 = SplitMix32(ref x);
        s3 = SplitMix32(ref x);
    }

    public uint NextUInt()
    {
        var result = unchecked(RotateLeft(s1 * 5, 7) * 9);
        var t = s1 << 9;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = RotateLeft(s3, 11);
        return result;
    }

    /// <summary>Uniform in [0, 1): the 32-bit output divided by 2^32, exact in a double on both sides.</summary>
    public double NextDouble() => NextUInt() / 4294967296.0;

    /// <summary>Uniform integer in [0, n) by modulo; the bias (n / 2^32) is negligible for the sizes used here.</summary>
    public int NextInt(int n) => (int)(NextUInt() % (uint)n);

    private static uint SplitMix32(ref uint x)
    {
        unchecked
        {
            var z = x += 0x9E3779B9u;
            z = (z ^ (z >> 16)) * 0x85EBCA6Bu;
            z = (z ^ (z >> 13)) * 0xC2B2AE35u;
            return z ^ (z >> 16);
        }
    }

    private static uint RotateLeft(uint v, int k) => (v << k) | (v >> (32 - k));
}
