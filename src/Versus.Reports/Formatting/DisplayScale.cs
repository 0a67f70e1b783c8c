using System.Globalization;

namespace Versus.Reports.Formatting;

/// <summary>How a value in its stored unit is shown: multiplied by <see cref="Factor"/> and labelled <see cref="Unit"/>.</summary>
internal readonly record struct DisplayScale(double Factor, string Unit)
{
    /// <summary>Significant digits shown: enough to tell an interval's ends apart, few enough to read.</summary>
    public const int SignificantDigits = 4;

    public string Format(double value) => Format(value, DecimalsFor(value));

    public string Format(double value, int decimals)
    {
        var number = (value * Factor).ToString("N" + decimals, CultureInfo.InvariantCulture);
        return Unit.Length == 0 ? number : Unit == "%" ? number + "%" : $"{number} {Unit}";
    }

    /// <summary>Decimals giving <see cref="SignificantDigits"/> for this value; used for an interval's ends too so they line up.</summary>
    public int DecimalsFor(double value)
    {
        var shown = Math.Abs(value * Factor);
        if (shown == 0 || !double.IsFinite(shown)) return 0;
        var magnitude = (int)Math.Floor(Math.Log10(shown));
        return Math.Clamp(SignificantDigits - 1 - magnitude, 0, 6);
    }
}
