using Versus.Reports.Analysis;
using Versus.Reports.Markdown;

namespace Versus.Reports.Sections;

/// <summary>One part of the report: reads the run through <see cref="ReportData"/> and writes Markdown, nothing else.</summary>
internal interface IReportSection
{
    void Write(MarkdownWriter writer, ReportData data);
}
