namespace Versus.Core.Data;

/// <summary>Images as bytes (0-255), each C x H x W row-major, and one label per image.</summary>
public sealed record ImageSet(byte[] Pixels, byte[] Labels)
{
    public int Count => Labels.Length;
}
