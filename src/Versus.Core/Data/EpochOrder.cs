using Versus.Core.Randomness;

namespace Versus.Core.Data;

/// <summary>
/// The order every engine visits the training set in one epoch: a Fisher-Yates shuffle (from the last index down,
/// j = NextInt(i + 1)) driven by stream 1000 + epoch of the run's seed. Batches are consecutive slices; the last
/// partial batch is dropped so every step has the workload's batch size.
/// </summary>
public static class EpochOrder
{
    public static int[] Permutation(uint seed, int epoch, int count)
    {
        var random = new PortableRandom(seed, PortableRandom.StreamEpochOrderBase + (uint)epoch);
        var order = new int[count];
        for (var i = 0; i < count; i++) order[i] = i;
        for (var i = count - 1; i > 0; i--)
        {
            var j = random.NextInt(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }
        return order;
    }

    public static int StepsPerEpoch(int trainCount, int batchSize) => trainCount / batchSize;
}
