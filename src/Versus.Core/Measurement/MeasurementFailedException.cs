namespace Versus.Core.Measurement;

/// <summary>
/// The worker behaved but the measurement cannot stand (a training loss that became NaN or infinite): it fails with
/// this reason, the run goes on.
/// </summary>
public sealed class MeasurementFailedException(string message) : Exception(message);
