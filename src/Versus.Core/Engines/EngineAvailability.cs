namespace Versus.Core.Engines;

/// <summary>
/// Whether an engine can run on this machine; when not, why and what would fix it. A usable engine may still run on a
/// slower path than this machine could give it (TensorFlow.js on JavaScript kernels because Chromium is missing):
/// <see cref="Shortfall"/> is then one line saying what is missing and how to fix it, printed once at the start of a run.
/// </summary>
public sealed record EngineAvailability(bool IsUsable, string Summary, string? Fix = null, string? Shortfall = null)
{
    public static EngineAvailability Usable(string summary) => new(true, summary);

    public static EngineAvailability Degraded(string summary, string shortfall) => new(true, summary, Shortfall: shortfall);

    public static EngineAvailability Unusable(string why, string fix) => new(false, why, fix);
}
