using Versus.Core.Engines;

namespace Versus.Core.Results;

/// <summary>An engine as planned for the run: whether it could be used here and, from its workers, what it really was.</summary>
/// <param name="Family">The framework it stands for; null in results written before families were recorded.</param>
public sealed record EngineRecord(string Id, bool Usable, string Summary, string? Fix, FrameworkFamily? Family = null);
