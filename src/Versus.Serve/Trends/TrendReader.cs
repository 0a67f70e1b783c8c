using Versus.Core.Results;
using Versus.Store;

namespace Versus.Serve.Trends;

/// <summary>The stored runs on one machine, oldest first, that measured the queried metric: one point per run.</summary>
internal static class TrendReader
{
    /// <summary>The newest runs read for a trend: enough history for a laptop's store, bounded so a page stays quick.</summary>
    public const int MaxRuns = 200;

    public static async Task<IReadOnlyList<TrendPoint>> ReadAsync(IResultStore store, IReadOnlyList<RunSummary> runs, TrendQuery query, CancellationToken cancellationToken)
    {
        var points = new List<TrendPoint>();
        var candidates = runs.Where(r => r.Machine == query.Machine && r.Engines.Contains(query.Engine) && r.Workloads.Contains(query.Workload))
            .Take(MaxRuns).Reverse();
        foreach (var summary in candidates)
        {
            var run = await store.LoadRunAsync(summary.RunId, cancellationToken);
            var measured = run?.Measurements.FirstOrDefault(m => m.Engine == query.Engine && m.Workload == query.Workload &&
                m.Status == MeasurementStatus.Ok && m.Metric(query.Metric)?.Summary is not null);
            if (run is null || measured is null) continue;
            var metric = measured.Metric(query.Metric)!;
            var s = metric.Summary!;
            var version = measured.EngineInfo is { } info ? $"{Versus.Reports.Formatting.LibraryName.Of(info)} ({info.Backend})" : "unknown";
            points.Add(new TrendPoint(run.RunId, run.StartedAt, version, s.Median, s.Ci95Low, s.Ci95High, s.Count, metric.Unit, metric.Samples));
        }
        return points;
    }
}
