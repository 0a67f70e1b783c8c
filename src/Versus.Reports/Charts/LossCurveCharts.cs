using System.Globalization;
using Versus.Core.Results;
using Versus.Reports.Analysis;
using Versus.Reports.Model;

namespace Versus.Reports.Charts;

/// <summary>
/// Every engine's training loss on one chart per workload: the engines start from the same weights and see the same
/// batches, so their curves should lie on top of each other; a curve that does not is training parity made visible.
/// </summary>
internal static class LossCurveCharts
{
    public static IEnumerable<ChartBlock> PerWorkload(ReportData data)
    {
        foreach (var workload in data.WorkloadOrder)
        {
            var measured = data.Ok(MeasurementKind.Training, workload).Where(m => m.Curve.Count > 0).ToList();
            if (measured.Count == 0) continue;
            var series = measured
                .Select(m => new ChartSeries(SeriesNames.For(m), [.. Numbered(m.Curve).Select(p =>
                    new ChartPoint(p.Index.ToString(CultureInfo.InvariantCulture), p.Loss, X: p.Index))]))
                .ToList();
            yield return ChartFactory.Create($"chart-loss-{workload}", $"Training loss per step: {workload}", ChartKind.Lines,
                new ChartAxis("Training loss", ""), "Step", series,
                $"Training loss at each recorded step of {workload}, one line per engine; lines that coincide mean the " +
                "engines trained the same way from the same weights and data.");
        }
    }

    /// <summary>Steps numbered across epochs (the curve restarts its step count each epoch), skipping non-finite losses.</summary>
    private static IEnumerable<(int Index, double Loss)> Numbered(IReadOnlyList<LossPoint> curve) =>
        curve.Select((p, i) => (Index: i + 1, p.Loss)).Where(p => double.IsFinite(p.Loss));
}
