using Versus.Reports.Analysis;
using Versus.Reports.Model;
using Versus.Reports.Verdict;

namespace Versus.Reports.Sections;

/// <summary>
/// The report ends as the terminal does, with the two answers: a reader who scrolled through the evidence finds the
/// conclusion again at the bottom, in one line each, with where the reasons are (<see cref="VerdictSection"/>).
/// </summary>
internal sealed class ClosingVerdictSection : IReportSection
{
    public void Write(ReportBuilder report, ReportData data)
    {
        var verdict = data.Verdict;
        report.Heading(2, "In short");
        report.Bullets(new Text[]
        {
            "Train with: " + Text.Strong(FamilyNames.Answer(verdict.Train)) + ".",
            "Deploy with: " + Text.Strong(FamilyNames.Answer(verdict.Deploy)) + ".",
            "The figures that decided it, and what would change it, are in the verdict at the top. " + verdict.NativeTensorFlow.Statement,
        });
    }
}
