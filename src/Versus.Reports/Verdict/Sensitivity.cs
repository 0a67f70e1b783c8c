using Versus.Core.Engines;

namespace Versus.Reports.Verdict;

/// <summary>
/// The smallest change of one priority's weight that flips a recommendation: past <see cref="ThresholdWeight"/> the
/// answer becomes <see cref="WouldChoose"/>. <see cref="Priority"/> is null when no single weight can flip it.
/// </summary>
public sealed record Sensitivity(
    Priority? Priority,
    double? CurrentWeight,
    double? ThresholdWeight,
    FrameworkFamily? WouldChoose,
    string Statement);
