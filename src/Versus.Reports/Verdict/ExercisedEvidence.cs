using Versus.Core.Engines;
using Versus.Core.Results;

namespace Versus.Reports.Verdict;

/// <summary>
/// A deployment probe of this run, credited to a framework. <see cref="ThroughOnnx"/>: the probe ran the ONNX export of
/// that framework's trained model (credited only when the run's ONNX-interop probe passed for that framework).
/// <see cref="MaxAbsDifference"/> is the probe's parity figure (logits against the training engine) where it has one.
/// </summary>
public sealed record ExercisedEvidence(
    string Id,
    FrameworkFamily? Family,
    string Statement,
    DeploymentTarget Target,
    string Engine,
    string Workload,
    DeploymentStatus Status,
    double? MaxAbsDifference,
    bool ThroughOnnx,
    bool FamilyFromEngineName)
    : Evidence(Id, Family, Statement)
{
    public override EvidenceKind Kind => EvidenceKind.Exercised;
}
