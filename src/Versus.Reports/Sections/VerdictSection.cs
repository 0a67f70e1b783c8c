using System.Globalization;
using Versus.Core.Engines;
using Versus.Reports.Analysis;
using Versus.Reports.Charts;
using Versus.Reports.Formatting;
using Versus.Reports.Model;
using Versus.Reports.Verdict;

namespace Versus.Reports.Sections;

/// <summary>
/// The answer first: what to train with and what to deploy with, the figures that decided it, what would change it,
/// and what the run says about native TensorFlow. Scores and strengths follow in <see cref="ScoresSection"/>.
/// </summary>
internal sealed class VerdictSection : IReportSection
{
    public void Write(ReportBuilder report, ReportData data)
    {
        var verdict = data.Verdict;
        report.Heading(2, "The verdict: what to train with and what to deploy with");
        report.Paragraph($"By priorities {verdict.Priorities.Describe()}; {verdict.RubricVersion} (docs/scoring.md), sourced facts " +
            $"version {verdict.EvidenceSourcesVersion.ToString(CultureInfo.InvariantCulture)}.");
        foreach (var r in new[] { verdict.Train, verdict.Deploy })
        {
            report.Paragraph((r.Scope == RecommendationScope.Train ? "Train with: " : "Deploy with: ") + Text.Strong(FamilyNames.Answer(r)) + ". " +
                string.Join(" ", r.Sentences));
        }
        report.Note(verdict.NativeTensorFlow.Statement);
        if (verdict.Contradictions.Count > 0)
        {
            report.Heading(3, "Where this run contradicts the deck");
            report.Bullets(verdict.Contradictions.Select(c => c.Statement));
        }
    }
}
