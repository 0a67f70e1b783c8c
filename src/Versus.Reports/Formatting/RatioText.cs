using System.Globalization;
using Versus.Core.Statistics;

namespace Versus.Reports.Formatting;

/// <summary>"1.80x [1.72-1.88]": decimals shrink as the ratio grows so a 250x cold-start gap does not read "250.00x".</summary>
internal static class RatioText
{
    /// <summary>The ratio with its interval, or the ratio alone when the samples were too few for one.</summary>
    public static string Format(RatioInterval ratio)
    {
        var format = FormatFor(ratio);
        if (ratio is not { Low: double low, High: double high }) return Point(ratio);
        return $"{Point(ratio)} [{low.ToString(format, CultureInfo.InvariantCulture)}-{high.ToString(format, CultureInfo.InvariantCulture)}]";
    }

    /// <summary>The ratio alone ("3.90x"), where an interval would crowd the text (a chart legend).</summary>
    public static string Point(RatioInterval ratio) => ratio.Ratio.ToString(FormatFor(ratio), CultureInfo.InvariantCulture) + "x";

    private static string FormatFor(RatioInterval ratio) => Math.Abs(ratio.Ratio) switch { < 10 => "0.00", < 100 => "0.0", _ => "0" };
}
