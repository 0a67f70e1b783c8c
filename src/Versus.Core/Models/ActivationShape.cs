namespace Versus.Core.Models;

/// <summary>The shape of one example's activation: an image (C x H x W) or, once flattened, a vector of features.</summary>
public sealed record ActivationShape(int Channels, int Height, int Width, bool IsFlat = false)
{
    public static ActivationShape Image(int channels, int height, int width) => new(channels, height, width);

    public static ActivationShape Vector(int features) => new(features, 1, 1, IsFlat: true);

    public long Elements => (long)Channels * Height * Width;

    public override string ToString() => IsFlat ? $"{Channels}" : $"{Channels}x{Height}x{Width}";
}
