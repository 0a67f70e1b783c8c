namespace Versus.Serve.Runs;

/// <summary>An engine the form offers: whether it runs here, and if not why and the fix, as 'versus list' says it.</summary>
public sealed record EngineChoice(string Id, bool Usable, string Summary, string? Fix, bool IncludedByDefault);
