using Versus.Core.Models;
using Versus.Core.Randomness;
using Versus.Core.Validation;

namespace Versus.Core.Data;

/// <summary>
/// A learnable dataset drawn procedurally, no download: ten shape classes (bars, diagonals, plus, cross, ring, disk,
/// square outline, filled square) with random position, size, stroke, brightness, per-channel tint and pixel noise,
/// so a network has to learn shapes rather than read off a pixel. Only +, -, *, /, floor and comparisons on doubles
/// are used, so the JavaScript worker produces identical bytes. The algorithm is specified step by step in docs/data.md.
/// </summary>
public static class GeneratedDataset
{
    public const int MaxClasses = 10;

    public static Dataset Create(ActivationShape shape, int classes, DataSource source)
    {
        if (classes > MaxClasses)
            throw new ValidationException(new ValidationError("--data", "", $"the generated dataset draws at most {MaxClasses} classes but the workload has {classes}; pass --data with a dataset of {classes} classes"));
        var train = Draw(shape, classes, source.TrainCount, new PortableRandom(source.Seed, PortableRandom.StreamTrainData));
        var test = Draw(shape, classes, source.TestCount, new PortableRandom(source.Seed, PortableRandom.StreamTestData));
        return new Dataset($"generated-shapes-{shape}", source, shape, classes, train, test);
    }

    private static ImageSet Draw(ActivationShape shape, int classes, int count, PortableRandom random)
    {
        var pixels = new byte[(long)count * shape.Elements];
        var labels = new int[count];
        var tint = new double[shape.Channels];
        for (var n = 0; n < count; n++)
        {
            var label = random.NextInt(classes);
            labels[n] = label;
            double h = shape.Height, w = shape.Width;
            var side = Math.Min(h, w);
            var cx = w / 2 + (random.NextDouble() - 0.5) * w / 4;
            var cy = h / 2 + (random.NextDouble() - 0.5) * h / 4;
            var radius = side * (0.18 + 0.14 * random.NextDouble());
            var stroke = Math.Max(1, side * (0.05 + 0.05 * random.NextDouble()));
            var brightness = 0.55 + 0.45 * random.NextDouble();
            for (var c = 0; c < tint.Length; c++) tint[c] = tint.Length == 1 ? 1 : 0.4 + 0.6 * random.NextDouble();

            var offset = (long)n * shape.Elements;
            for (var c = 0; c < shape.Channels; c++)
            for (var y = 0; y < shape.Height; y++)
            for (var x = 0; x < shape.Width; x++)
            {
                var ink = Covers(label, x + 0.5 - cx, y + 0.5 - cy, radius, stroke) ? brightness * tint[c] : 0;
                var value = 0.75 * ink + 0.3 * random.NextDouble();
                pixels[offset++] = (byte)Math.Min(255, Math.Floor(value * 255 + 0.5));
            }
        }
        return new ImageSet(pixels, labels);
    }

    /// <summary>Whether the shape of class <paramref name="label"/> covers the point (dx, dy) from its centre.</summary>
    private static bool Covers(int label, double dx, double dy, double r, double t)
    {
        var ax = Math.Abs(dx);
        var ay = Math.Abs(dy);
        var d2 = dx * dx + dy * dy;
        var inBox = ax <= r && ay <= r;
        return label switch
        {
            0 => ay <= t / 2 && ax <= r,                                    // horizontal bar
            1 => ax <= t / 2 && ay <= r,                                    // vertical bar
            2 => Math.Abs(dx - dy) <= t * 0.7 && inBox,                     // diagonal "\"
            3 => Math.Abs(dx + dy) <= t * 0.7 && inBox,                     // diagonal "/"
            4 => (ay <= t / 2 || ax <= t / 2) && inBox,                     // plus
            5 => (Math.Abs(dx - dy) <= t * 0.7 || Math.Abs(dx + dy) <= t * 0.7) && inBox, // cross
            6 => d2 >= (r - t) * (r - t) && d2 <= r * r,                    // ring
            7 => d2 <= r * r,                                               // disk
            8 => inBox && Math.Max(ax, ay) >= r - t,                        // square outline
            _ => inBox,                                                     // filled square
        };
    }
}
