using System.Buffers.Binary;
using System.IO.Compression;
using Versus.Core.Models;
using Versus.Core.Validation;

namespace Versus.Core.Data;

/// <summary>
/// MNIST-style IDX files (gzipped or not) in one folder: train-images-idx3-ubyte, train-labels-idx1-ubyte,
/// t10k-images-idx3-ubyte, t10k-labels-idx1-ubyte, each optionally with ".gz". Debian's dataset-fashion-mnist
/// installs them in /usr/share/datasets/fashion-mnist. Every defect is reported naming the file.
/// </summary>
public static class IdxDataset
{
    public const int ImagesMagic = 0x00000803;
    public const int LabelsMagic = 0x00000801;
    public const string DebianFashionMnist = "/usr/share/datasets/fashion-mnist";

    private static readonly string[] Parts = ["train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"];

    /// <summary>The files' image shape and class count, read from headers only (cheap; used when planning).</summary>
    public static (ActivationShape Shape, int TrainCount, int TestCount) Inspect(string folder)
    {
        var train = ReadImagesHeader(Locate(folder, Parts[0]));
        var test = ReadImagesHeader(Locate(folder, Parts[2]));
        return (ActivationShape.Image(1, train.Rows, train.Cols), train.Count, test.Count);
    }

    public static Dataset Load(DataSource source, int classes)
    {
        var folder = source.Path ?? throw new ArgumentException("An IDX data source needs a path.", nameof(source));
        var train = ReadSet(Locate(folder, Parts[0]), Locate(folder, Parts[1]), source.TrainCount, classes);
        var test = ReadSet(Locate(folder, Parts[2]), Locate(folder, Parts[3]), source.TestCount, classes);
        var (rows, cols) = (train.Rows, train.Cols);
        if (test.Rows != rows || test.Cols != cols)
            throw Invalid(folder, $"train images are {rows}x{cols} but test images are {test.Rows}x{test.Cols}");
        return new Dataset(System.IO.Path.GetFileName(System.IO.Path.TrimEndingDirectorySeparator(folder)), source,
            ActivationShape.Image(1, rows, cols), classes, train.Set, test.Set);
    }

    public static string Locate(string folder, string part)
    {
        if (!Directory.Exists(folder))
            throw Invalid(folder, "is not a folder; --data takes a folder holding the four MNIST-style IDX files (e.g. /usr/share/datasets/fashion-mnist from apt's dataset-fashion-mnist)");
        foreach (var candidate in new[] { part + ".gz", part, part.Replace("-idx", ".idx", StringComparison.Ordinal) + ".gz", part.Replace("-idx", ".idx", StringComparison.Ordinal) })
        {
            var path = System.IO.Path.Combine(folder, candidate);
            if (File.Exists(path)) return path;
        }
        throw Invalid(System.IO.Path.Combine(folder, part + ".gz"), $"is missing; the folder needs {string.Join(", ", Parts)} (each optionally gzipped)");
    }

    private static (ImageSet Set, int Rows, int Cols) ReadSet(string imagesPath, string labelsPath, int limit, int classes)
    {
        var images = ReadAll(imagesPath);
        var header = ParseImagesHeader(images, imagesPath);
        var labels = ReadAll(labelsPath);
        if (labels.Length < 8 || BinaryPrimitives.ReadInt32BigEndian(labels) != LabelsMagic)
            throw Invalid(labelsPath, $"has the wrong magic number; expected 0x{LabelsMagic:x8} for an IDX label file");
        var labelCount = BinaryPrimitives.ReadInt32BigEndian(labels.AsSpan(4));
        if (labelCount != header.Count)
            throw Invalid(labelsPath, $"holds {labelCount} labels but {System.IO.Path.GetFileName(imagesPath)} holds {header.Count} images");
        var pixelsPerImage = header.Rows * header.Cols;
        if (images.Length < 16 + (long)header.Count * pixelsPerImage)
            throw Invalid(imagesPath, $"is truncated: {header.Count} images of {header.Rows}x{header.Cols} need {16 + (long)header.Count * pixelsPerImage} bytes, found {images.Length}");
        if (labels.Length < 8 + labelCount)
            throw Invalid(labelsPath, $"is truncated: {labelCount} labels need {8 + labelCount} bytes, found {labels.Length}");

        var count = limit > 0 ? Math.Min(limit, header.Count) : header.Count;
        // One byte a label in the file, widened to the int labels every dataset holds.
        var labelValues = Array.ConvertAll(labels[8..(8 + count)], l => (int)l);
        var bad = Array.FindIndex(labelValues, l => l >= classes);
        if (bad >= 0)
            throw Invalid(labelsPath, $"label {labelValues[bad]} at index {bad} is outside the workload's {classes} classes");
        return (new ImageSet(images.AsSpan(16, count * pixelsPerImage).ToArray(), labelValues), header.Rows, header.Cols);
    }

    private static (int Count, int Rows, int Cols) ReadImagesHeader(string path)
    {
        try
        {
            using var stream = Open(path);
            var header = new byte[16];
            var read = stream.ReadAtLeast(header, 16, throwOnEndOfStream: false);
            return ParseImagesHeader(header[..read], path);
        }
        catch (InvalidDataException e)
        {
            throw Invalid(path, $"is a damaged gzip file ({e.Message})");
        }
    }

    private static (int Count, int Rows, int Cols) ParseImagesHeader(byte[] bytes, string path)
    {
        if (bytes.Length < 16)
            throw Invalid(path, "is truncated: shorter than the 16-byte IDX image header");
        var magic = BinaryPrimitives.ReadInt32BigEndian(bytes);
        if (magic != ImagesMagic)
            throw Invalid(path, $"has the wrong magic number 0x{magic:x8}; expected 0x{ImagesMagic:x8} for an IDX image file (unsigned bytes, 3 dimensions)");
        var (count, rows, cols) = (BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(4)), BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(8)), BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(12)));
        // Sizes come from the file: negative ones, or rows x cols past int, would overflow the size checks that follow.
        if (count < 0 || rows < 1 || cols < 1 || (long)rows * cols > int.MaxValue)
            throw Invalid(path, $"declares {count} images of {rows}x{cols}; the header is damaged or this is not an MNIST-style IDX image file");
        return (count, rows, cols);
    }

    private static byte[] ReadAll(string path)
    {
        try
        {
            using var stream = Open(path);
            using var memory = new MemoryStream();
            stream.CopyTo(memory);
            return memory.ToArray();
        }
        catch (InvalidDataException e)
        {
            throw Invalid(path, $"is a damaged gzip file ({e.Message})");
        }
    }

    private static Stream Open(string path)
    {
        var file = File.OpenRead(path);
        var first = new byte[2];
        var read = file.Read(first);
        file.Position = 0;
        return read == 2 && first[0] == 0x1f && first[1] == 0x8b ? new GZipStream(file, CompressionMode.Decompress) : file;
    }

    private static ValidationException Invalid(string path, string message) => new(new ValidationError(path, "", message));
}
