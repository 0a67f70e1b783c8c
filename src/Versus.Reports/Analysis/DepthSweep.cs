using Versus.Core.Results;
using Versus.Core.Statistics;

namespace Versus.Reports.Analysis;

/// <summary>
/// The deck's depth test as a sweep over a workload family (depth-2, depth-4, ...): per engine, batch-1 latency and
/// training step at each N, and how many times the smallest N's figure each is (a bootstrap ratio of medians), which
/// is what "cost grows with depth" means.
/// </summary>
internal static class DepthSweep
{
    public static IReadOnlyList<DepthPoint> Compute(ReportData data, string family)
    {
        var members = data.WorkloadOrder
            .Select(id => (Id: id, N: WorkloadFamily.Parameter(family, id)))
            .Where(w => w.N is not null)
            .OrderBy(w => w.N)
            .ToList();
        var points = new List<DepthPoint>();
        foreach (var engine in data.EngineOrder)
        {
            var rows = members
                .Select(w => (w.Id, N: w.N!.Value,
                    Infer: data.Ok(MeasurementKind.Inference, w.Id).FirstOrDefault(m => m.Engine == engine),
                    Train: data.Ok(MeasurementKind.Training, w.Id).FirstOrDefault(m => m.Engine == engine)))
                .Where(r => r.Infer is not null || r.Train is not null)
                .ToList();
            var baseLatency = rows.Select(r => r.Infer?.Metric(MetricNames.LatencyBatch1)).FirstOrDefault(m => m is { Samples.Count: > 0 });
            var baseStep = rows.Select(r => r.Train?.Metric(MetricNames.TrainStep)).FirstOrDefault(m => m is { Samples.Count: > 0 });
            foreach (var row in rows)
            {
                var latency = row.Infer?.Metric(MetricNames.LatencyBatch1);
                var step = row.Train?.Metric(MetricNames.TrainStep);
                points.Add(new DepthPoint(engine, row.Id, row.N, (row.Infer ?? row.Train)!,
                    latency, GrowthOver(latency, baseLatency), step, GrowthOver(step, baseStep)));
            }
        }
        return points;
    }

    private static Growth? GrowthOver(MetricRecord? metric, MetricRecord? baseline)
    {
        if (metric is not { Samples.Count: > 0 } || baseline is null) return null;
        if (ReferenceEquals(metric, baseline)) return Growth.Baseline;
        return new Growth(MedianRatio.Bootstrap(metric.Samples, baseline.Samples));
    }
}
