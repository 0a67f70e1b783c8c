namespace Versus.Reports.Verdict;

/// <summary>A sourced fact as evidence; <see cref="Fact"/> carries the source, its address and when it held.</summary>
public sealed record CitedEvidence(SourcedFact Fact) : Evidence(Fact.Id, Fact.Family, Fact.Claim)
{
    public override EvidenceKind Kind => EvidenceKind.Cited;
}
