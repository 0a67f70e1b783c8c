using System.Globalization;
using Versus.Core.Results;
using Versus.Reports.Formatting;

namespace Versus.Reports.Charts;

/// <summary>
/// The line under every measured chart: which machine, how many threads, and for each engine in it the framework,
/// version, backend and device its worker reported. A figure without this cannot be compared with anything.
/// </summary>
internal static class Provenance
{
    public static string For(RunResults results, IEnumerable<MeasurementRecord> measurements)
    {
        var engines = measurements
            .Where(m => m.EngineInfo is not null)
            .GroupBy(m => SeriesNames.For(m), StringComparer.Ordinal)
            .Select(g => $"{g.Key} = {Describe(g.First())}")
            .ToList();
        var machine = $"{results.Environment.CpuModel}, {results.Options.Threads.ToString(CultureInfo.InvariantCulture)} thread(s) per engine";
        return $"{Labels.Measured} ({machine}): " + (engines.Count == 0 ? "no engine reported itself." : string.Join("; ", engines) + ".");
    }

    private static string Describe(MeasurementRecord m)
    {
        var info = m.EngineInfo!;
        var device = info.Details.TryGetValue("device", out var d) ? $" on {d}" : "";
        return $"{Formatting.LibraryName.Of(info)}, backend {info.Backend}{device}, {SideText.Threads(info.Threads, info.ThreadControl)}";
    }
}
