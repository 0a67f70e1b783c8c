using Versus.Core.Data;

namespace Versus.Core.Tests.Data;

public sealed class EpochOrderTests
{
    [Fact]
    public void Should_BeAPermutation_When_Shuffled()
    {
        var order = EpochOrder.Permutation(42, 0, 1000);

        Assert.Equal(Enumerable.Range(0, 1000), order.Order());
        Assert.NotEqual(Enumerable.Range(0, 1000), order);
    }

    [Fact]
    public void Should_RepeatPerSeedAndEpoch_When_Shuffled()
    {
        Assert.Equal(EpochOrder.Permutation(42, 3, 500), EpochOrder.Permutation(42, 3, 500));
        Assert.NotEqual(EpochOrder.Permutation(42, 3, 500), EpochOrder.Permutation(42, 4, 500));
        Assert.NotEqual(EpochOrder.Permutation(42, 3, 500), EpochOrder.Permutation(43, 3, 500));
    }

    [Fact]
    public void Should_DropThePartialBatch_When_CountingSteps()
    {
        Assert.Equal(15, EpochOrder.StepsPerEpoch(1000, 64));
    }
}
