namespace Versus.Reports.Verdict;

/// <summary>
/// A score out of <see cref="Max"/> (10 for features, 3 for deployment strengths), or unknown (<see cref="Value"/> null)
/// where there is no evidence: never 0 for "no evidence". <see cref="Exact"/> is the unrounded value the
/// recommendation uses; <see cref="Basis"/> says in plain words how the rubric got there, or why it could not.
/// </summary>
public sealed record Score(
    int? Value,
    double? Exact,
    int Max,
    Confidence? Confidence,
    IReadOnlyList<string> EvidenceIds,
    string Basis)
{
    public bool IsUnknown => Value is null;

    public static Score Known(double exact, int max, Confidence confidence, IReadOnlyList<string> evidenceIds, string basis) =>
        new((int)Math.Round(exact, MidpointRounding.AwayFromZero), exact, max, confidence, evidenceIds, basis);

    public static Score Unknown(int max, string why, IReadOnlyList<string>? evidenceIds = null) =>
        new(null, null, max, null, evidenceIds ?? [], why);
}
