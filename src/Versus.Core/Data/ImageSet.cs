namespace Versus.Core.Data;

/// <summary>Images as bytes (0-255), each C x H x W row-major, and one label (0 .. classes - 1) per image.</summary>
public sealed record ImageSet(byte[] Pixels, int[] Labels)
{
    public int Count => Labels.Length;
}
