using Versus.Core.Results;

namespace Versus.Serve.Compare;

/// <summary>
/// What the compare page shows of two runs. The page only lays out a <see cref="RunComparison"/>; the analysis behind
/// it is this one seam, so the fuller 'versus compare' analysis can replace <see cref="SharedMetricsComparer"/> with
/// one registration line and no change to the page.
/// </summary>
public interface IRunComparer
{
    RunComparison Compare(RunResults a, RunResults b);
}
