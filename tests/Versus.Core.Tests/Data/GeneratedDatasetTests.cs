using System.Security.Cryptography;
using Versus.Core.Data;
using Versus.Core.Models;
using Versus.Core.Validation;

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

    [Theory]
    [InlineData(1, 28, 28, 10, 42u, "02fd2844422d4ef5ac725bfb8294a4df829c735e5af3ac4991e1c0e6da86a7af", "5bd5785b994167ca13535c581348daa3e245d71a21728e281a03b605b3e9c878")]
    [InlineData(3, 32, 32, 10, 7u, "8b14bde908ccddeb949b516d66300bc591dc7e0e8027cae0014a457bcfd86526", "3de56ccd77dab3090fecf52754b9eb86ad5c011f8150e9c540b81bbe71f0545b")]
    [InlineData(2, 9, 13, 7, 0u, "1569374d031794c849f0c83a564d3ee5a5bfd0ebbc8c5491864a94eb477d92f9", "99b7578935d338cd0236db8db8771267852509ef79d031ee544289944c88a841")]
    [InlineData(3, 17, 23, 2, 4_000_000_000u, "87d63eb42c2564feaa5dd98ebba3f3758e24f9103c2cb7f662e3d736984766e6", "c9b7edcb7370d02b6cb9469e3e35f49f48e032c8665a502286087431a3e33baf")]
    public void Should_DrawTheSameBytesAsBeforeDigitStrips_When_TenClassesOrFewer(
        int channels, int height, int width, int classes, uint seed, string train, string test)
    {
        // Hashes of pixels then one byte a label, from the one-shape generator that preceded digit strips (71c8f30).
        var source = new DataSource(DataSource.Generated, seed, 200, 40);
        var data = GeneratedDataset.Create(ActivationShape.Image(channels, height, width), classes, source);

        Assert.Equal(train, Hash(data.Train));
        Assert.Equal(test, Hash(data.Test));
    }

    [Theory]
    [InlineData(2, 1)]
    [InlineData(10, 1)]
    [InlineData(11, 2)]
    [InlineData(100, 2)]
    [InlineData(101, 3)]
    [InlineData(1000, 3)]
    [InlineData(1001, 4)]
    [InlineData(GeneratedDataset.MaxClasses, 6)]
    public void Should_CutOneStripPerDigit_When_LabelsNeedSeveralDigits(int classes, int strips)
    {
        Assert.Equal(strips, GeneratedDataset.Strips(classes));
    }

    [Fact]
    public void Should_DrawLabelsPastAByte_When_ThereAreAThousandClasses()
    {
        var source = new DataSource(DataSource.Generated, 13, 2000, 10);
        var data = GeneratedDataset.Create(ActivationShape.Image(3, 32, 32), 1000, source);

        Assert.All(data.Train.Labels, l => Assert.InRange(l, 0, 999));
        Assert.Contains(data.Train.Labels, l => l > 255);
        Assert.True(data.Train.Labels.Distinct().Count() > 800, "2,000 draws over 1,000 classes should reach most of them");
    }

    [Fact]
    public void Should_ShowEachDigitInItsOwnStrip_When_TwoDigitsAreDrawn()
    {
        // With 12 classes a label has two digits: the left half shows the tens, the right half the units. Noise is at
        // most 0.3 of full scale (77 of 255), so a brighter pixel is ink. The tens digit is 0 (a horizontal bar, at most
        // 2 pixels high: stroke <= 1.6 here) below 10, and 1 (a vertical bar, at most 2 pixels wide) from 10.
        var source = new DataSource(DataSource.Generated, 3, 200, 1);
        var data = GeneratedDataset.Create(ActivationShape.Image(1, 16, 32), 12, source);

        for (var n = 0; n < data.Train.Count; n++)
        {
            var image = data.Train.Pixels.AsSpan(n * 16 * 32, 16 * 32).ToArray();
            var label = data.Train.Labels[n];
            var left = Ink(image, 0, 16);
            Assert.True(left.Count > 0, $"image {n} (label {label}) has no ink in its left strip");
            Assert.True(Ink(image, 16, 32).Count > 0, $"image {n} (label {label}) has no ink in its right strip");
            var extent = label < 10 ? left.Select(p => p.Y).Distinct().Count() : left.Select(p => p.X).Distinct().Count();
            Assert.True(extent <= 2, $"image {n} (label {label}): the left strip's bar spans {extent} pixels across");
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(GeneratedDataset.MaxClasses + 1)]
    public void Should_RefuseNamingClasses_When_OutsideTheRange(int classes)
    {
        var source = new DataSource(DataSource.Generated, 1, 4, 4);

        var error = Assert.Throws<ValidationException>(() => GeneratedDataset.Create(ActivationShape.Image(1, 8, 8), classes, source)).Errors.Single();

        Assert.Equal("classes", error.Source);
        Assert.Contains(classes.ToString(System.Globalization.CultureInfo.InvariantCulture), error.Message);
    }

    private static List<(int X, int Y)> Ink(byte[] image, int fromColumn, int toColumn) =>
        [.. from y in Enumerable.Range(0, 16) from x in Enumerable.Range(fromColumn, toColumn - fromColumn)
            where image[y * 32 + x] > 80 select (x, y)];

    private static string Hash(ImageSet set)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(set.Pixels);
        sha.AppendData(Array.ConvertAll(set.Labels, l => checked((byte)l)));
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }
}
