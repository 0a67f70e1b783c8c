using System.Globalization;
using Versus.Core.Parity;
using Versus.Reports.Analysis;
using Versus.Reports.Model;

namespace Versus.Reports.Sections;

/// <summary>Did the engines compute the same thing? Every pair's forward and training-loss checks, failures first.</summary>
internal sealed class ParitySection : IReportSection
{
    public void Write(ReportBuilder report, ReportData data)
    {
        report.Heading(2, "Parity");
        var checks = data.Results.Parity ?? [];
        if (checks.Count == 0)
        {
            report.Paragraph("No two engines measured the same workload in this run, so there was nothing to check. Each inference " +
                "measurement records its logits for test images 0-15 from the shared initial weights; a run with two or more engines compares them.");
            return;
        }
        if (checks.Any(c => c.Weights is { Regime: ParityRegime.Trained }))
        {
            report.Paragraph("Forward parity is checked twice: from the shared initial weights, where batch norm is the identity " +
                "(running mean 0, variance 1), and from the state the first training engine reached after a few steps, which it saved " +
                "and every engine loaded (eval mode: batch norm on trained running statistics, logits in a realistic range).");
        }
        var table = new TableBuilder("Workload", "Engines", "Check", "Weights", "Max abs difference", "Tolerance", "Result", "Method");
        foreach (var c in checks.OrderBy(c => c.Passed).ThenBy(c => c.Workload, StringComparer.Ordinal))
        {
            table.Row(c.Workload, $"{c.EngineA} vs {c.EngineB}", ParityVerdict.Kind(c.Kind), ParityVerdict.State(c),
                c.MaxAbsDifference?.ToString("G3", CultureInfo.InvariantCulture) ?? "not comparable",
                c.Tolerance.ToString("G3", CultureInfo.InvariantCulture),
                c.Passed ? "passed" : Text.Strong($"FAILED ({ParityVerdict.Why(c)}): comparisons of these engines on this workload are invalid"),
                c.Method);
        }
        report.Table(table);
    }
}
