namespace Versus.Reports.Model;

/// <summary>
/// One value of a series. <see cref="Category"/> places it on a categorical axis (engine, workload, target); <see cref="X"/>
/// on a numeric one (depth N, epoch). <see cref="Low"/>/<see cref="High"/> are a 95% interval, present only where the
/// sample supports one; <see cref="Samples"/> are the raw values for a box; <see cref="Muted"/> greys a point that must
/// not be read as a valid result (parity failed), and <see cref="Note"/> says why; <see cref="Flagged"/> marks a point
/// that stands out from its neighbours on a line (a change point in a trend), and <see cref="Note"/> says how.
/// </summary>
public sealed record ChartPoint(
    string Category,
    double Value,
    double? Low = null,
    double? High = null,
    double? X = null,
    IReadOnlyList<double>? Samples = null,
    bool Muted = false,
    string? Note = null,
    bool Flagged = false);
