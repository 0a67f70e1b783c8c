using Versus.Core.Models;
using Versus.Core.Randomness;
using Versus.Core.Validation;

namespace Versus.Core.Data;

/// <summary>
/// A learnable dataset drawn procedurally, no download: ten shapes (bars, diagonals, plus, cross, ring, disk, square
/// outline, filled square) with random position, size, stroke, brightness, per-channel tint and pixel noise, so a
/// network has to learn shapes rather than read off a pixel. Up to 10 classes an image shows the shape of its label;
/// beyond, the image is cut into K vertical strips (K the number of decimal digits of classes - 1) and strip k shows
/// the shape of the label's k-th digit, most significant on the left, each with its own position, size and colour.
/// Only +, -, *, /, floor, min, max, abs and comparisons on doubles are used, so the JavaScript worker produces
/// identical bytes. The algorithm is specified step by step in docs/data.md.
/// </summary>
public static class GeneratedDataset
{
    /// <summary>Six digit strips at most; model specs stop at 100,000 classes already.</summary>
    public const int MaxClasses = 1_000_000;

    public static Dataset Create(ActivationShape shape, int classes, DataSource source)
    {
        if (classes < 1 || classes > MaxClasses)
            throw new ValidationException(new ValidationError("classes", "",
                $"the generated dataset draws 1 to {MaxClasses:N0} classes but the workload has {classes}"));
        var train = Draw(shape, classes, source.TrainCount, new PortableRandom(source.Seed, PortableRandom.StreamTrainData));
        var test = Draw(shape, classes, source.TestCount, new PortableRandom(source.Seed, PortableRandom.StreamTestData));
        return new Dataset($"generated-shapes-{shape}", source, shape, classes, train, test);
    }

    /// <summary>The number of digit strips: the decimal digits of classes - 1 (1 for up to 10 classes).</summary>
    public static int Strips(int classes)
    {
        var strips = 1;
        for (long limit = 10; classes - 1 >= limit; limit *= 10) strips++;
        return strips;
    }

    private static ImageSet Draw(ActivationShape shape, int classes, int count, PortableRandom random)
    {
        var pixels = new byte[(long)count * shape.Elements];
        var labels = new int[count];
        var strips = Strips(classes);
        var shapes = new ShapeStrip[strips];
        for (var k = 0; k < strips; k++) shapes[k] = new ShapeStrip(shape.Channels);
        var stripOf = new int[shape.Width];
        for (var x = 0; x < shape.Width; x++) stripOf[x] = x * strips / shape.Width;
        double h = shape.Height, w = shape.Width;
        var stripWidth = w / strips;
        for (var n = 0; n < count; n++)
        {
            var label = random.NextInt(classes);
            labels[n] = label;
            var place = 1;
            for (var k = 1; k < strips; k++) place *= 10;
            for (var k = 0; k < strips; k++, place /= 10)
                shapes[k].Draw(label / place % 10, k * w / strips, stripWidth, h, random);

            var offset = (long)n * shape.Elements;
            for (var c = 0; c < shape.Channels; c++)
            for (var y = 0; y < shape.Height; y++)
            for (var x = 0; x < shape.Width; x++)
            {
                var ink = shapes[stripOf[x]].Ink(c, x + 0.5, y + 0.5);
                var value = 0.75 * ink + 0.3 * random.NextDouble();
                pixels[offset++] = (byte)Math.Min(255, Math.Floor(value * 255 + 0.5));
            }
        }
        return new ImageSet(pixels, labels);
    }
}
