using Versus.Core.Results;
using Versus.Core.Statistics;

namespace Versus.Reports.Verdict;

/// <summary>
/// A measured ratio between a PyTorch-side and a TensorFlow-side engine on one workload and metric, oriented as
/// <see cref="Analysis.EngineComparison"/> is (<see cref="Ratio"/> at least 1, <see cref="Faster"/> first), and how the
/// rubric used it. <see cref="PyTorchLog2Advantage"/> is what the rubric averages: log2 of how many times faster the
/// PyTorch side was (negative when TensorFlow was faster, 0 for a tie), null when the comparison was left out.
/// </summary>
public sealed record MeasuredEvidence(
    string Id,
    string Statement,
    string Workload,
    MeasurementKind MeasurementKind,
    string Metric,
    EngineSide Faster,
    EngineSide Slower,
    RatioInterval Ratio,
    bool HasInterval,
    ParityStatus Parity,
    ComparisonUse Use,
    double? PyTorchLog2Advantage)
    : Evidence(Id, null, Statement)
{
    public override EvidenceKind Kind => EvidenceKind.Measured;
}
