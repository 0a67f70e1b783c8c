using Versus.Core.Results;
using Versus.Reports.Analysis;
using Versus.Reports.Cited;
using Versus.Reports.Model;
using Versus.Reports.RunToRun;
using Versus.Reports.Sections;

namespace Versus.Reports;

/// <summary>
/// Builds the format-neutral report of a run: the deck's tables filled with measurements, the deck's own figures beside
/// them labelled as cited, charts, engine comparisons as ratios with intervals, and every failure with its reason.
/// All analysis happens here and in <see cref="ReportData"/>; renderers only lay the result out.
/// </summary>
public sealed class ReportComposer
{
    private readonly CitedFacts cited;

    public ReportComposer()
        : this(CitedFacts.Load())
    {
    }

    public ReportComposer(CitedFacts cited) => this.cited = cited;

    /// <param name="against">A comparison of this run (as B) with an earlier one (as A), shown after the engine comparisons.</param>
    public ReportDocument Compose(RunResults results, RunComparison? against = null)
    {
        var data = new ReportData(results, cited);
        var report = new ReportBuilder();
        foreach (var section in Sections(data, against)) section.Write(report, data);
        return report.Build(results.RunId, "Versus report: run " + Text.Code(results.RunId));
    }

    private IEnumerable<IReportSection> Sections(ReportData data, RunComparison? against)
    {
        yield return new HeaderSection();
        yield return new VerdictSection();
        yield return new EnvironmentSection();
        yield return new EnginesSection();
        yield return new WorkloadsSection();
        yield return new TrainingTimeSection();
        yield return new EpochStepSection();
        yield return new InferenceOverviewSection();
        foreach (var section in InferenceSections(data)) yield return section;
        yield return new TrainingOutcomeSection();
        yield return new ParitySection();
        yield return new ComparisonSection();
        if (against is not null) yield return new RunComparisonSection(against);
        yield return new DeploymentSection();
        yield return new ScoresSection();
        yield return new MeasurementDetailsSection();
        yield return new ProblemsSection();
        yield return new CitedOnlySection();
        yield return new ClosingVerdictSection();
    }

    /// <summary>
    /// The deck's inference tables for the workloads this run has (its cited rows beside the measured ones, or alone with
    /// the reason where an engine measured nothing), then any other workload this run measured, so a workload the deck
    /// never mentions is still reported. A run of only imported models gets no section for the deck's models: the deck's
    /// figures for them stand beside nothing measured here (its other figures stay in the cited-only section).
    /// </summary>
    private IEnumerable<IReportSection> InferenceSections(ReportData data)
    {
        var depth = cited.Table(CitedTableIds.InferenceDepth).Workload;
        var deckTables = new[] { CitedTableIds.Inference28, CitedTableIds.Inference64 }
            .Select(cited.Table)
            .Where(t => t.Workload is not null)
            .ToList();
        foreach (var table in deckTables.Where(t => data.WorkloadOrder.Contains(t.Workload!)))
            yield return new InferenceSection($"(c) {table.Title}", table.Workload!, table.Id);
        if (depth is not null && data.WorkloadOrder.Any(w => WorkloadFamily.IsMember(depth, w))) yield return new DepthSweepSection(depth);

        var covered = deckTables.Select(t => t.Workload!).ToHashSet(StringComparer.Ordinal);
        foreach (var workload in data.WorkloadOrder)
        {
            if (covered.Contains(workload) || (depth is not null && WorkloadFamily.IsMember(depth, workload))) continue;
            if (data.Ok(MeasurementKind.Inference, workload).Count > 0)
                yield return new InferenceSection("Inference", workload, citedTable: null);
        }
    }
}
