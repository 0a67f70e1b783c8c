using Versus.Reports.Analysis;
using Versus.Reports.Model;

namespace Versus.Reports.Sections;

/// <summary>One part of the report: reads the run through <see cref="ReportData"/> and adds blocks to the format-neutral report, nothing else.</summary>
internal interface IReportSection
{
    void Write(ReportBuilder report, ReportData data);
}
