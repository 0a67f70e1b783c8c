namespace Versus.Core.Engines;

/// <summary>Whether an engine can run on this machine; when not, why and what would fix it.</summary>
public sealed record EngineAvailability(bool IsUsable, string Summary, string? Fix = null)
{
    public static EngineAvailability Usable(string summary) => new(true, summary);

    public static EngineAvailability Unusable(string why, string fix) => new(false, why, fix);
}
