namespace Versus.Store;

/// <summary>A run id prefix that matches several runs: the caller must give more characters.</summary>
public sealed class AmbiguousRunIdException(string prefix, int matchCount, IReadOnlyList<string> candidates)
    : StoreException(
        $"Run id '{prefix}' is ambiguous: {matchCount} runs start with it ({string.Join(", ", candidates)}" +
        $"{(matchCount > candidates.Count ? ", ..." : "")}); give more characters.")
{
    public string Prefix { get; } = prefix;

    public int MatchCount { get; } = matchCount;

    /// <summary>The first matching run ids in id order: all of them unless very many match.</summary>
    public IReadOnlyList<string> Candidates { get; } = candidates;
}
