namespace Versus.Core.Results;

/// <summary>An engine as planned for the run: whether it could be used here and, from its workers, what it really was.</summary>
public sealed record EngineRecord(string Id, bool Usable, string Summary, string? Fix);
