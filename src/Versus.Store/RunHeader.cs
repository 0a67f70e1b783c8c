using Versus.Core.Results;

namespace Versus.Store;

/// <summary>What every store accepts as the start of a run, checked in one place so SQLite and PostgreSQL refuse alike.</summary>
internal static class RunHeader
{
    public static void Check(RunResults run)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentException.ThrowIfNullOrWhiteSpace(run.RunId, nameof(run));
        if (run.Measurements.Count > 0)
        {
            // Rather than drop them silently: measurements are saved one by one, each as it finishes.
            throw new ArgumentException("BeginRunAsync stores the run header only; save measurements with SaveMeasurementAsync.", nameof(run));
        }
    }
}
