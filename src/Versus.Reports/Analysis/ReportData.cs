using Versus.Core.Measurement;
using Versus.Core.Results;
using Versus.Reports.Cited;

namespace Versus.Reports.Analysis;

/// <summary>
/// The run as the sections read it: measurements in a stable engine order, workloads by id, the machine's matmul peak.
/// Lookups only; nothing here formats.
/// </summary>
internal sealed class ReportData
{
    private readonly Dictionary<string, IReadOnlyList<DepthPoint>> depthSweeps = new(StringComparer.Ordinal);
    private IReadOnlyList<EngineComparison>? comparisons;
    private Verdict.FrameworkVerdict? verdict;

    public ReportData(RunResults results, CitedFacts cited)
    {
        Results = results;
        Cited = cited;
        // The run's own engine order first, then any engine that only appears in measurements: never by name.
        EngineOrder = [.. results.Engines.Select(e => e.Id).Concat(results.Measurements.Select(m => m.Engine)).Distinct(StringComparer.Ordinal)];
        WorkloadOrder = [.. results.Workloads.Select(w => w.Id).Concat(results.Measurements.Select(m => m.Workload)).Distinct(StringComparer.Ordinal)];
        Peaks = MachinePeaks.From(results.Measurements);
    }

    public RunResults Results { get; }

    public CitedFacts Cited { get; }

    public IReadOnlyList<string> EngineOrder { get; }

    public IReadOnlyList<string> WorkloadOrder { get; }

    /// <summary>Every engine's measured matrix-product peak, and which one a figure is a share of (its own device's best).</summary>
    public MachinePeaks Peaks { get; }

    /// <summary>Every pair of engines that measured the same speed metric on a workload: computed once per report.</summary>
    public IReadOnlyList<EngineComparison> Comparisons => comparisons ??=
        EngineComparisons.Compute(Ok(MeasurementKind.Training).Concat(Ok(MeasurementKind.Inference)));

    /// <summary>The deck's conclusion from this run's evidence, by the priorities the run recorded (or the balanced default).</summary>
    public Verdict.FrameworkVerdict Verdict => verdict ??= Reports.Verdict.VerdictAnalysis.Compute(Results,
        Reports.Verdict.Priorities.Of(Results.Options), Comparisons, Reports.Verdict.EvidenceSources.Load(), Cited);

    public IReadOnlyList<DepthPoint> DepthSweep(string family)
    {
        if (!depthSweeps.TryGetValue(family, out var points)) depthSweeps[family] = points = Analysis.DepthSweep.Compute(this, family);
        return points;
    }

    /// <summary>Finished training or inference measurements, ordered by workload then engine.</summary>
    public IReadOnlyList<MeasurementRecord> Ok(MeasurementKind kind, string? workload = null) =>
        [.. Ordered(Results.Measurements.Where(m => m.Status == MeasurementStatus.Ok && m.Kind == kind && (workload is null || m.Workload == workload)))];

    public IReadOnlyList<MeasurementRecord> NotOk() =>
        [.. Ordered(Results.Measurements.Where(m => m.Status != MeasurementStatus.Ok))];

    public IReadOnlyList<MeasurementRecord> All() => [.. Ordered(Results.Measurements)];

    public WorkloadRecord? Workload(string id) => Results.Workloads.FirstOrDefault(w => w.Id == id);

    /// <summary>
    /// Achieved GFLOP/s over the best peak measured on the same device: the run's own figure if it recorded one, else
    /// computed here by the same rule (<see cref="MachinePeaks.For"/>); null where no peak applies.
    /// </summary>
    public double? PeakShare(MeasurementRecord m)
    {
        var stated = m.Metric(m.Kind == MeasurementKind.Training ? MetricNames.TrainPeakShare : MetricNames.InferPeakShare);
        if (stated?.Summary is { } summary) return summary.Median;
        if (stated is not null) return null;
        var achieved = Gflops(m)?.Summary;
        return achieved is not null && m.EngineInfo is { } engine && Peaks.For(engine) is { } peak ? achieved.Median / peak.Gflops : null;
    }

    /// <summary>Why <see cref="PeakShare"/> is null for this measurement, in one clause.</summary>
    public string WhyNoPeakShare(MeasurementRecord m)
    {
        var stated = m.Metric(m.Kind == MeasurementKind.Training ? MetricNames.TrainPeakShare : MetricNames.InferPeakShare);
        if (stated?.Note is { } note) return note;
        if (Gflops(m) is null) return "no GFLOP/s reported";
        return m.EngineInfo is { } engine ? Peaks.WhyNone(engine) : "the engine was not reported";
    }

    public static MetricRecord? Gflops(MeasurementRecord m) =>
        m.Metric(m.Kind == MeasurementKind.Training ? MetricNames.TrainGflops : MetricNames.InferGflops);

    private IEnumerable<MeasurementRecord> Ordered(IEnumerable<MeasurementRecord> measurements) =>
        measurements
            .OrderBy(m => IndexOf(WorkloadOrder, m.Workload))
            .ThenBy(m => m.Kind)
            .ThenBy(m => IndexOf(EngineOrder, m.Engine))
            .ThenBy(m => m.Id, StringComparer.Ordinal);

    private static int IndexOf(IReadOnlyList<string> order, string id)
    {
        for (var i = 0; i < order.Count; i++) if (order[i] == id) return i;
        return order.Count;
    }
}
