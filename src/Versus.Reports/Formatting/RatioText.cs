using System.Globalization;
using Versus.Core.Statistics;

namespace Versus.Reports.Formatting;

/// <summary>"1.80x [1.72-1.88]": decimals shrink as the ratio grows so a 250x cold-start gap does not read "250.00x".</summary>
internal static class RatioText
{
    public static string Format(RatioInterval ratio, bool withInterval)
    {
        var format = Math.Abs(ratio.Ratio) switch { < 10 => "0.00", < 100 => "0.0", _ => "0" };
        var point = ratio.Ratio.ToString(format, CultureInfo.InvariantCulture) + "x";
        if (!withInterval) return point;
        return $"{point} [{ratio.Low.ToString(format, CultureInfo.InvariantCulture)}-{ratio.High.ToString(format, CultureInfo.InvariantCulture)}]";
    }
}
