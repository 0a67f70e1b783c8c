using Versus.Core.Engines;
using Versus.Core.Results;

namespace Versus.Reports.Analysis;

/// <summary>
/// One side of an engine-to-engine comparison as its worker reported it: engine, backend, device and threads with what
/// the thread count means. A ratio between two engines says little without what each of them ran on.
/// Null fields: the measurement carries no engine info (a worker that failed before saying hello, older results).
/// </summary>
public sealed record ComparedSide(string Engine, string? Backend, string? Device, int? Threads, ThreadControl? ThreadControl)
{
    public static ComparedSide Of(MeasurementRecord m) => m.EngineInfo is { } info
        ? new ComparedSide(m.Engine, info.Backend, EngineDevice.DescriptionOf(info), info.Threads, info.ThreadControl)
        : new ComparedSide(m.Engine, null, null, null, null);
}
