using Versus.Core.Results;
using Versus.Reports.Analysis;
using Versus.Reports.Charts;
using Versus.Reports.Model;

namespace Versus.Reports.Sections;

/// <summary>Inference across every workload at a glance: latency, throughput and cold start, before the deck's per-workload tables.</summary>
internal sealed class InferenceOverviewSection : IReportSection
{
    public void Write(ReportBuilder report, ReportData data)
    {
        if (data.Ok(MeasurementKind.Inference).Count == 0) return;
        report.Heading(2, "(c) Inference at a glance");
        report.Paragraph("Warm latency at batch 1, throughput at each workload's large batch, and cold start in its parts, for " +
            "every workload and engine of this run. The tables per workload follow.");
        ChartPlacement.Add(report, data, InferenceCharts.Latency(data), MeasurementKind.Inference);
        ChartPlacement.Add(report, data, InferenceCharts.Throughput(data), MeasurementKind.Inference);
        ChartPlacement.Add(report, data, InferenceCharts.ColdStart(data), MeasurementKind.Inference);
    }
}
