using Versus.Core.Results;
using Versus.Reports.Analysis;
using Versus.Reports.Formatting;
using Versus.Reports.Model;

namespace Versus.Reports.Sections;

/// <summary>Everything that did not produce a figure, with its reason: a missing row must never pass for a missing engine.</summary>
internal sealed class ProblemsSection : IReportSection
{
    public void Write(ReportBuilder report, ReportData data)
    {
        report.Heading(2, "Failed and skipped");
        var any = false;
        var notOk = data.NotOk();
        if (notOk.Count > 0)
        {
            var table = new TableBuilder("Measurement", "Engine", "Workload", "Kind", "Status", "Reason");
            foreach (var m in notOk)
                table.Row(Labels.Code(m.Id), Labels.Code(m.Engine), m.Workload, Labels.Kind(m.Kind), Labels.Status(m.Status),
                    m.Reason ?? "no reason was recorded");
            report.Table(table);
            any = true;
        }

        var unusable = data.Results.Engines.Where(e => !e.Usable).ToList();
        if (unusable.Count > 0)
        {
            report.Heading(3, "Engines not usable on this machine");
            var table = new TableBuilder("Engine", "Why", "Fix");
            foreach (var e in unusable) table.Row(Labels.Code(e.Id), e.Summary, e.Fix ?? "none known");
            report.Table(table);
            any = true;
        }

        var empty = data.All()
            .Where(m => m.Status == MeasurementStatus.Ok)
            .SelectMany(m => m.Metrics.Where(x => x.Summary is null).Select(x => (Measurement: m, Metric: x)))
            .ToList();
        if (empty.Count > 0)
        {
            report.Heading(3, "Metrics without samples in finished measurements");
            var table = new TableBuilder("Engine", "Workload", "Kind", "Metric", "Note");
            foreach (var (m, x) in empty)
                table.Row(Labels.Code(m.Engine), m.Workload, Labels.Kind(m.Kind), x.Name, x.Note ?? "no note was recorded");
            report.Table(table);
            any = true;
        }

        if (!any) report.Paragraph("None: every planned measurement finished and every engine was usable.");
    }
}
