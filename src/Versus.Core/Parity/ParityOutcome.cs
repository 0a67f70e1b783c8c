namespace Versus.Core.Parity;

/// <summary>
/// The verdict of one comparison of two engines' values. <see cref="MaxAbsDifference"/> is null when the values could
/// not be compared at all (different images, a different count, a NaN or an infinity); <see cref="Reason"/> then says
/// which, and so it does for a difference beyond its tolerance. <see cref="Tolerance"/> is the limit that decided: for
/// logits, that of the image whose difference came closest to (or went past) its own limit.
/// </summary>
public sealed record ParityOutcome(bool Passed, double? MaxAbsDifference, double Tolerance, int Values, string? Reason)
{
    public static ParityOutcome Refused(double tolerance, int values, string reason) => new(false, null, tolerance, values, reason);
}
