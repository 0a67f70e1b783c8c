namespace Versus.Store;

/// <summary>How a run's stored measurements ended, by <see cref="Versus.Core.Results.MeasurementStatus"/>.</summary>
public sealed record MeasurementCounts(int Ok, int Failed, int Skipped)
{
    public int Total => Ok + Failed + Skipped;
}
