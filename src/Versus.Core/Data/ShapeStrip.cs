using Versus.Core.Randomness;

namespace Versus.Core.Data;

/// <summary>
/// One vertical strip of a generated image and the shape it shows (one of ten, by digit): its centre, size, stroke,
/// brightness and per-channel tint, drawn in that order. Reused from image to image to spare allocations.
/// </summary>
internal sealed class ShapeStrip(int channels)
{
    private readonly double[] tint = new double[channels];
    private int digit;
    private double cx, cy, radius, stroke, brightness;

    /// <summary>Draws the parameters of a strip starting at <paramref name="left"/>, <paramref name="width"/> wide.</summary>
    public void Draw(int shapeDigit, double left, double width, double height, PortableRandom random)
    {
        digit = shapeDigit;
        var side = Math.Min(height, width);
        cx = left + width / 2 + (random.NextDouble() - 0.5) * width / 4;
        cy = height / 2 + (random.NextDouble() - 0.5) * height / 4;
        radius = side * (0.18 + 0.14 * random.NextDouble());
        stroke = Math.Max(1, side * (0.05 + 0.05 * random.NextDouble()));
        brightness = 0.55 + 0.45 * random.NextDouble();
        for (var c = 0; c < tint.Length; c++) tint[c] = tint.Length == 1 ? 1 : 0.4 + 0.6 * random.NextDouble();
    }

    /// <summary>The ink of channel <paramref name="c"/> at (px, py): brightness times tint where the shape covers it, else 0.</summary>
    public double Ink(int c, double px, double py) => Covers(px - cx, py - cy) ? brightness * tint[c] : 0;

    /// <summary>Whether the shape of this strip's digit covers the point (dx, dy) from its centre.</summary>
    private bool Covers(double dx, double dy)
    {
        var (r, t) = (radius, stroke);
        var ax = Math.Abs(dx);
        var ay = Math.Abs(dy);
        var d2 = dx * dx + dy * dy;
        var inBox = ax <= r && ay <= r;
        return digit switch
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
