using System.IO.Compression;
using Versus.Core.Data;
using Versus.Core.Validation;

namespace Versus.Core.Tests.Data;

public sealed class IdxDatasetTests
{
    private const string FashionMnist = IdxDataset.DebianFashionMnist;

    [SkippableFact]
    public void Should_LoadRealFashionMnist_When_DebianPackageIsInstalled()
    {
        Skip.IfNot(Directory.Exists(FashionMnist), "dataset-fashion-mnist is not installed (test.sh installs it with apt)");

        var data = IdxDataset.Load(new DataSource(DataSource.Idx, 0, 0, 0, FashionMnist), 10);

        Assert.Equal("1x28x28", data.ImageShape.ToString());
        Assert.Equal(60_000, data.Train.Count);
        Assert.Equal(10_000, data.Test.Count);
        Assert.Equal(60_000 * 784, data.Train.Pixels.Length);
        // Fashion-MNIST is balanced: 6,000 training and 1,000 test images per class.
        Assert.All(data.Train.Labels.GroupBy(l => l), g => Assert.Equal(6000, g.Count()));
        Assert.All(data.Test.Labels.GroupBy(l => l), g => Assert.Equal(1000, g.Count()));
    }

    [SkippableFact]
    public void Should_KeepTheFirstImages_When_Limited()
    {
        Skip.IfNot(Directory.Exists(FashionMnist), "dataset-fashion-mnist is not installed");

        var all = IdxDataset.Load(new DataSource(DataSource.Idx, 0, 0, 0, FashionMnist), 10);
        var some = IdxDataset.Load(new DataSource(DataSource.Idx, 0, 100, 10, FashionMnist), 10);

        Assert.Equal(100, some.Train.Count);
        Assert.Equal(all.Train.Pixels.AsSpan(0, 100 * 784).ToArray(), some.Train.Pixels);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Should_ReadSmallFiles_When_GzippedOrNot(bool gzip)
    {
        using var temp = new TempDirectory();
        WriteSet(temp.Path, gzip, count: 5, rows: 4, cols: 3);

        var data = IdxDataset.Load(new DataSource(DataSource.Idx, 0, 0, 0, temp.Path), 10);

        Assert.Equal("1x4x3", data.ImageShape.ToString());
        Assert.Equal(5, data.Train.Count);
        Assert.Equal([0, 1, 2, 3, 4], data.Train.Labels);
        Assert.Equal((byte)(2 * 12 + 5), data.Train.Pixels[2 * 12 + 5]);
    }

    [Fact]
    public void Should_ReadLabelsAsUnsignedBytes_When_AboveTheSignedByteRange()
    {
        using var temp = new TempDirectory();
        WriteSet(temp.Path, false, count: 5, rows: 2, cols: 2, label: i => (byte)(251 + i));

        var data = IdxDataset.Load(new DataSource(DataSource.Idx, 0, 0, 0, temp.Path), 256);

        Assert.Equal([251, 252, 253, 254, 255], data.Train.Labels);
    }

    [Fact]
    public void Should_NameTheFile_When_OneIsMissing()
    {
        using var temp = new TempDirectory();
        WriteSet(temp.Path, false, 5, 4, 3);
        File.Delete(Path.Combine(temp.Path, "t10k-labels-idx1-ubyte"));

        var error = Assert.Throws<ValidationException>(() => IdxDataset.Load(new DataSource(DataSource.Idx, 0, 0, 0, temp.Path), 10)).Errors.Single();

        Assert.Contains("t10k-labels-idx1-ubyte", error.Source);
        Assert.Contains("is missing", error.Message);
    }

    [Fact]
    public void Should_SayWrongMagic_When_FileIsNotIdx()
    {
        using var temp = new TempDirectory();
        WriteSet(temp.Path, false, 5, 4, 3);
        File.WriteAllBytes(Path.Combine(temp.Path, "train-images-idx3-ubyte"), new byte[100]);

        var error = Assert.Throws<ValidationException>(() => IdxDataset.Load(new DataSource(DataSource.Idx, 0, 0, 0, temp.Path), 10)).Errors.Single();

        Assert.EndsWith("train-images-idx3-ubyte", error.Source);
        Assert.Contains("wrong magic number", error.Message);
    }

    [Fact]
    public void Should_SayTruncated_When_ImagesAreCut()
    {
        using var temp = new TempDirectory();
        WriteSet(temp.Path, false, 5, 4, 3);
        var path = Path.Combine(temp.Path, "train-images-idx3-ubyte");
        File.WriteAllBytes(path, File.ReadAllBytes(path)[..40]);

        var error = Assert.Throws<ValidationException>(() => IdxDataset.Load(new DataSource(DataSource.Idx, 0, 0, 0, temp.Path), 10)).Errors.Single();

        Assert.Contains("truncated", error.Message);
    }

    [Fact]
    public void Should_Refuse_When_FolderDoesNotExist()
    {
        var error = Assert.Throws<ValidationException>(() => IdxDataset.Inspect("/nonexistent/versus-data")).Errors.Single();

        Assert.Contains("is not a folder", error.Message);
    }

    private static void WriteSet(string folder, bool gzip, int count, int rows, int cols, Func<int, byte>? label = null)
    {
        foreach (var prefix in new[] { "train", "t10k" })
        {
            var images = new List<byte>([0, 0, 8, 3, 0, 0, 0, (byte)count, 0, 0, 0, (byte)rows, 0, 0, 0, (byte)cols]);
            for (var i = 0; i < count * rows * cols; i++) images.Add((byte)i);
            var labels = new List<byte>([0, 0, 8, 1, 0, 0, 0, (byte)count]);
            for (var i = 0; i < count; i++) labels.Add(label?.Invoke(i) ?? (byte)(i % 10));
            Write(Path.Combine(folder, $"{prefix}-images-idx3-ubyte"), [.. images], gzip);
            Write(Path.Combine(folder, $"{prefix}-labels-idx1-ubyte"), [.. labels], gzip);
        }
    }

    private static void Write(string path, byte[] bytes, bool gzip)
    {
        if (!gzip)
        {
            File.WriteAllBytes(path, bytes);
            return;
        }
        using var file = File.Create(path + ".gz");
        using var zip = new GZipStream(file, CompressionLevel.Fastest);
        zip.Write(bytes);
    }
}
