namespace Versus.Reports.Verdict;

/// <summary>What a piece of evidence rests on; every score names its evidence with this label.</summary>
public enum EvidenceKind
{
    /// <summary>A figure or engine-to-engine ratio measured in this run, with its interval.</summary>
    Measured,

    /// <summary>A deployment probe run here: passed, failed or not exercised.</summary>
    Exercised,

    /// <summary>A fact from a named source (cited-evidence.json), not checked by this run.</summary>
    Cited,
}
