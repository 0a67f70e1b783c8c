namespace Versus.Core.Measurement;

/// <summary>A driver decided, before spending the budget, that the measurement cannot be done well; the reason says why.</summary>
public sealed class MeasurementSkippedException(string reason) : Exception(reason);
