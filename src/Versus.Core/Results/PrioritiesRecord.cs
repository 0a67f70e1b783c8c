namespace Versus.Core.Results;

/// <summary>
/// What the user said matters, as the run recorded it, so a report rebuilt later from the store recommends the same way.
/// <see cref="Weights"/> are by priority name (e.g. "training-speed": 2); <see cref="Profile"/> names the preset used, if any.
/// </summary>
public sealed record PrioritiesRecord(string? Profile, IReadOnlyDictionary<string, double> Weights);
