using Versus.Core.Results;

namespace Versus.Serve.Compare;

/// <summary>
/// What the compare page shows of two runs. The page only lays out a <see cref="RunComparison"/>; the analysis behind
/// it is this one seam (<see cref="StatisticalRunComparer"/>, 'versus compare's), registered once in the host.
/// </summary>
public interface IRunComparer
{
    RunComparison Compare(RunResults a, RunResults b);
}
