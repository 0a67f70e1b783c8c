using Versus.Reports.Model;
using Versus.Reports.RunToRun;
using Versus.Reports.Sections;

namespace Versus.Reports;

/// <summary>"versus compare A B" as a report of its own: a title, then the same blocks a run's report gets with --compare.</summary>
public static class RunComparisonReport
{
    public static ReportDocument Compose(RunComparison comparison)
    {
        var report = new ReportBuilder();
        report.Heading(1, "Versus comparison: run " + Text.Code(comparison.RunB) + " against run " + Text.Code(comparison.RunA));
        new RunComparisonSection(comparison).Write(report);
        return report.Build(comparison.RunB, "Versus comparison: run " + Text.Code(comparison.RunB) + " against run " + Text.Code(comparison.RunA));
    }
}
