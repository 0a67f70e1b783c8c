using System.Security.Cryptography;
using Versus.Core.Data;
using Versus.Core.Models;

namespace Versus.Core.Tests.Data;

public sealed class GeneratedDatasetTests
{
    private static Dataset Make(uint seed, ActivationShape? shape = null, int train = 500, int test = 100) =>
        GeneratedDataset.Create(shape ?? ActivationShape.Image(1, 28, 28), 10, new DataSource(DataSource.Generated, seed, train, test));

    [Fact]
    public void Should_ProduceIdenticalBytes_When_SeedIsTheSame()
    {
        var a = Make(42);
        var b = Make(42);

        Assert.Equal(SHA256.HashData(a.Train.Pixels), SHA256.HashData(b.Train.Pixels));
        Assert.Equal(a.Train.Labels, b.Train.Labels);
        Assert.Equal(a.Test.Pixels, b.Test.Pixels);
    }

    [Fact]
    public void Should_Differ_When_SeedDiffers()
    {
        Assert.NotEqual(Make(1).Train.Pixels, Make(2).Train.Pixels);
    }

    [Fact]
    public void Should_KeepTrainAndTestApart_When_Generated()
    {
        var data = Make(5, train: 100, test: 100);

        Assert.NotEqual(data.Train.Pixels, data.Test.Pixels);
    }

    [Fact]
    public void Should_CoverEveryClass_When_Generated()
    {
        var counts = Make(9, train: 2000).Train.Labels.GroupBy(l => l).ToDictionary(g => g.Key, g => g.Count());

        Assert.Equal(10, counts.Count);
        Assert.All(counts.Values, c => Assert.InRange(c, 140, 260));
    }

    [Fact]
    public void Should_DrawColourImages_When_ShapeHasThreeChannels()
    {
        var data = Make(3, ActivationShape.Image(3, 64, 64), train: 20, test: 4);

        Assert.Equal(20 * 3 * 64 * 64, data.Train.Pixels.Length);
        Assert.Equal(4 * 3 * 64 * 64, data.Test.Pixels.Length);
    }

    [Fact]
    public void Should_NotBeSolvableFromOnePixel_When_ClassesDiffer()
    {
        // Ink is where the shape is: mean brightness differs by class but overlaps, so a network must learn shapes.
        var data = Make(11, train: 3000);
        var perClassMean = Enumerable.Range(0, 10).Select(c =>
            Enumerable.Range(0, data.Train.Count).Where(i => data.Train.Labels[i] == c)
                .Average(i => data.Train.Pixels.AsSpan(i * 784, 784).ToArray().Average(p => (double)p))).ToArray();

        Assert.All(perClassMean, m => Assert.InRange(m, 20, 140));
        Assert.True(perClassMean.Distinct().Count() == 10);
    }
}
