using Versus.Core.Results;

namespace Versus.Reports.Charts;

/// <summary>
/// A legend entry that says what produced the figures: the engine id, its backend and, where the worker reported one, the
/// kind of device ("tfjs (webgl, software GPU)"). The full framework, version and device are in the chart's note.
/// </summary>
internal static class SeriesNames
{
    public static string For(MeasurementRecord m)
    {
        if (m.EngineInfo is not { } info) return m.Engine;
        var device = info.Details.TryGetValue("deviceKind", out var kind) ? kind switch
        {
            "software-gpu" => ", software GPU",
            "gpu" => ", GPU",
            _ => "",
        } : "";
        return $"{m.Engine} ({info.Backend}{device})";
    }
}
