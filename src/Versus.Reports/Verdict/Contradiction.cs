using Versus.Core.Engines;
using Versus.Core.Results;

namespace Versus.Reports.Verdict;

/// <summary>
/// Where evidence from this run (a probe exercised here, or measured ratios) disagrees with the deck's cited score:
/// exactly one of <see cref="Target"/> (a 0-3 strength) and <see cref="Feature"/> (a 0-10 score) is set.
/// </summary>
public sealed record Contradiction(
    FrameworkFamily Family,
    DeploymentTarget? Target,
    Feature? Feature,
    int DeckValue,
    int EvidenceValue,
    int Max,
    string Statement,
    IReadOnlyList<string> EvidenceIds);
