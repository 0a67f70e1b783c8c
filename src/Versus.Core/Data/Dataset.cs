using Versus.Core.Models;

namespace Versus.Core.Data;

/// <summary>A train/test split of images of one shape. Engines scale pixels to [0, 1] as x / 255.</summary>
public sealed record Dataset(string Name, DataSource Source, ActivationShape ImageShape, int Classes, ImageSet Train, ImageSet Test)
{
    public int PixelsPerImage => (int)ImageShape.Elements;

    /// <summary>The test set cut to at most <paramref name="count"/> images (used to bound evaluation time).</summary>
    public Dataset WithTestLimit(int count) => count >= Test.Count ? this : this with
    {
        Test = new ImageSet(Test.Pixels[..(count * PixelsPerImage)], Test.Labels[..count]),
    };
}
