using System.Globalization;

namespace Versus.Reports.Cited;

/// <summary>
/// One number the deck quotes, exactly as it quotes it. <see cref="Source"/> is what the slide credits,
/// <see cref="Attribution"/> what the deck says about where it comes from, <see cref="Metric"/> the Versus metric nearest
/// in meaning (for placement only: <see cref="Comparable"/> and <see cref="Comparability"/> say whether they may be compared).
/// </summary>
public sealed record CitedFact(
    string Id,
    string Table,
    string Framework,
    string Quantity,
    double Value,
    string Unit,
    string? Qualifier,
    string? Metric,
    string Quote,
    string Source,
    string Attribution,
    CitedSetup Setup,
    bool Comparable,
    string? Comparability)
{
    /// <summary>
    /// The value as the deck wrote it ("0.00087 s", "nearly 80%", "7/10"): never rescaled, so it can be checked against the
    /// slide. Symbols and "/10"-style scales attach to the number; a year stands alone.
    /// </summary>
    public string ValueText
    {
        get
        {
            var number = Value.ToString("R", CultureInfo.InvariantCulture);
            var text = Unit switch
            {
                "year" => number,
                "%" or "x" => number + Unit,
                _ when Unit.StartsWith('/') => number + Unit,
                _ => $"{number} {Unit}",
            };
            return Qualifier is null ? text : $"{Qualifier} {text}";
        }
    }
}
