using Versus.Reports.Analysis;
using Versus.Reports.Cited;
using Versus.Reports.Formatting;
using Versus.Reports.Model;

namespace Versus.Reports.Sections;

/// <summary>The deck's figures a benchmark run does not measure (adoption, opinion scores, dates): shown, labelled cited.</summary>
internal sealed class CitedOnlySection : IReportSection
{
    // The deployment strengths are not here: DeploymentSection shows them beside what the run exercised.
    private static readonly string[] Tables =
        [CitedTableIds.FeatureScores, CitedTableIds.Adoption, CitedTableIds.History];

    public void Write(ReportBuilder report, ReportData data)
    {
        report.Heading(2, "The deck's other figures (cited, not measured by this run)");
        foreach (var id in Tables)
        {
            var facts = data.Cited.InTable(id);
            if (facts.Count == 0) continue;
            report.Heading(3, data.Cited.Table(id).Title);
            var table = new TableBuilder("Source", "Framework", "Item", "Cited value");
            foreach (var f in facts) table.Row(Labels.Cited(f.Source), f.Framework, f.Quantity, f.ValueText);
            report.Table(table);
            CitedRows.Note(report, facts);
        }
        if (data.Cited.References.Count == 0) return;
        report.Heading(3, "The deck's references, verbatim");
        report.Bullets(data.Cited.References);
    }
}
