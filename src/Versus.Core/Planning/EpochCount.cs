using System.Globalization;

namespace Versus.Core.Planning;

/// <summary>
/// How many training epochs a run may be asked for: one rule for 'versus run --epochs' and the dashboard's new-run form,
/// so the form never accepts what the command it starts would refuse.
/// </summary>
public static class EpochCount
{
    public const int Min = 1;
    public const int Max = 10_000;

    /// <summary>What an accepted value is, for a message that follows the rejected value.</summary>
    public static string Allowed => string.Create(CultureInfo.InvariantCulture, $"is not a whole number from {Min} to {Max}");

    public static bool TryParse(string text, out int epochs) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out epochs) && epochs is >= Min and <= Max;
}
