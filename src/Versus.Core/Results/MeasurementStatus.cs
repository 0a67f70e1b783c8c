namespace Versus.Core.Results;

public enum MeasurementStatus
{
    Ok,
    Failed,
    Skipped,
}
