using Versus.Core.Results;
using Versus.Reports.Analysis;
using Versus.Reports.Charts;
using Versus.Reports.Model;

namespace Versus.Reports.Sections;

/// <summary>Puts a chart in the report with the provenance of its measured figures right under it.</summary>
internal static class ChartPlacement
{
    public static void Add(ReportBuilder report, ReportData data, ChartBlock? chart, MeasurementKind kind)
    {
        if (chart is null) return;
        report.Chart(chart);
        report.Note(Provenance.For(data.Results, data.Ok(kind)));
    }
}
