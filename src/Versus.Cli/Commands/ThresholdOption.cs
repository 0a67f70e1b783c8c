using System.Globalization;
using Versus.Core.Validation;

namespace Versus.Cli.Commands;

/// <summary>
/// "--threshold": a percentage ("5%") or a fraction ("0.05"). A bare number of 1 or more is refused rather than guessed:
/// "5" could mean 5% or 500%.
/// </summary>
public static class ThresholdOption
{
    public const string Name = "--threshold";

    /// <returns>The problem with <paramref name="text"/>, or null with the threshold as a fraction in <paramref name="fraction"/>.</returns>
    public static ValidationError? Parse(string text, out double fraction)
    {
        var trimmed = text.Trim();
        var percent = trimmed.EndsWith('%');
        var number = percent ? trimmed[..^1].Trim() : trimmed;
        fraction = 0;
        if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value) || value < 0)
            return new ValidationError(Name, text, "is not a threshold; give a percentage of 0 or more such as 5%, or a fraction such as 0.05");
        if (!percent && value >= 1)
            return new ValidationError(Name, text, $"is ambiguous; write {text}% for a percentage, or a fraction below 1 such as 0.05");
        fraction = percent ? value / 100 : value;
        return null;
    }
}
