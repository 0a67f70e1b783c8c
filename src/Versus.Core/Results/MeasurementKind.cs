namespace Versus.Core.Results;

public enum MeasurementKind
{
    Training,
    Inference,
    MachinePeak,
}
