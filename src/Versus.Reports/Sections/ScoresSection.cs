using System.Globalization;
using Versus.Core.Results;
using Versus.Reports.Analysis;
using Versus.Reports.Charts;
using Versus.Reports.Formatting;
using Versus.Reports.Model;
using Versus.Reports.Verdict;

namespace Versus.Reports.Sections;

/// <summary>
/// The deck's feature scores (0-10) and deployment strengths (0-3) rebuilt from evidence, each with its confidence and
/// basis, beside the deck's cited values; a score without evidence is "unknown".
/// </summary>
internal sealed class ScoresSection : IReportSection
{
    public void Write(ReportBuilder report, ReportData data)
    {
        var verdict = data.Verdict;
        report.Heading(2, "Feature scores (0-10) from evidence, beside the deck's");
        if (WhichEngines(verdict) is { } which) report.Paragraph(which);
        report.Note(verdict.NativeTensorFlow.Statement);
        var features = new TableBuilder("Framework", "Feature", "From evidence", "Confidence", "Deck (cited)", "Basis");
        foreach (var f in verdict.FeatureScores)
            features.Row(FamilyNames.Of(f.Family), f.Feature.ToString(), Value(f.Score), Confidence(f.Score), Deck(f.DeckValue, 10), f.Score.Basis);
        report.Table(features);
        report.Chart(Chart("chart-feature-scores", "Feature scores (0-10): from evidence and cited by the deck", 10, "Feature",
            verdict.FeatureScores.Select(f => (f.Family, f.Feature.ToString(), f.Score, f.DeckValue))));

        report.Heading(2, "Deployment strengths (0-3) from evidence, beside the deck's");
        var strengths = new TableBuilder("Framework", "Target", "From evidence", "Confidence", "Deck (cited)", "Basis");
        foreach (var s in verdict.DeploymentStrengths)
            strengths.Row(FamilyNames.Of(s.Family), DeploymentLabels.Target(s.Target), Value(s.Score), Confidence(s.Score),
                Deck(s.DeckValue, 3), s.Score.Basis);
        report.Table(strengths);
        report.Chart(Chart("chart-deployment-matrix", "Deployment matrix (0-3): targets x frameworks, from evidence and cited", 3, "Target",
            verdict.DeploymentStrengths.Select(s => (s.Family, DeploymentLabels.Target(s.Target), s.Score, s.DeckValue))));

        report.Heading(3, "Evidence the scores rest on");
        var evidence = new TableBuilder("Id", "Kind", "Framework", "Statement");
        foreach (var e in verdict.Evidence)
            evidence.Row(Text.Code(e.Id), e.Kind.ToString().ToLowerInvariant(), e.Family is { } f ? FamilyNames.Of(f) : "both", e.Statement);
        report.Table(evidence);
    }

    /// <summary>
    /// A framework's measured scores are only as broad as the engines that stood for it here ("TensorFlow" may be
    /// TensorFlow.js on a software renderer): named once, above the tables, for every family that was measured.
    /// </summary>
    private static string? WhichEngines(FrameworkVerdict verdict)
    {
        var sides = verdict.Evidence.OfType<MeasuredEvidence>().SelectMany(e => new[] { e.Faster, e.Slower }).ToList();
        if (sides.Count == 0) return null;
        var families = sides.Select(s => s.Family).Distinct().Order()
            .Select(f => $"{FamilyNames.Of(f)}: {string.Join("; ", sides.Where(s => s.Family == f).Select(s => s.ThroughOnnx ? $"{s.Label} (through ONNX)" : s.Label).Distinct())}");
        return $"The measured evidence (speed ratios) stands for each framework through these engines, and no others: {string.Join(". ", families)}.";
    }

    private static string Value(Score s) => s.Value is int v ? $"{v.ToString(CultureInfo.InvariantCulture)}/{s.Max}" : "unknown";

    private static string Confidence(Score s) => s.Confidence?.ToString().ToLowerInvariant() ?? "—";

    private static string Deck(int? value, int max) => value is int v ? $"{v.ToString(CultureInfo.InvariantCulture)}/{max}" : "—";

    /// <summary>One series per framework from evidence (unknown scores left out, the renderer shows "unknown") and one per framework as the deck gave it.</summary>
    private static ChartBlock Chart(string id, string title, int max, string category,
        IEnumerable<(Core.Engines.FrameworkFamily Family, string Category, Score Score, int? Deck)> cells)
    {
        var list = cells.ToList();
        var series = new List<ChartSeries>();
        foreach (var family in list.Select(c => c.Family).Distinct())
        {
            var name = FamilyNames.Of(family);
            series.Add(new ChartSeries($"{name}, from evidence", [.. list.Where(c => c.Family == family && c.Score.Value is not null)
                .Select(c => new ChartPoint(c.Category, c.Score.Value!.Value, Note: c.Score.Confidence is { } k ? $"confidence {k.ToString().ToLowerInvariant()}" : null))]));
            series.Add(new ChartSeries($"{name}, the deck", [.. list.Where(c => c.Family == family && c.Deck is not null)
                .Select(c => new ChartPoint(c.Category, c.Deck!.Value))], Cited: true));
        }
        return ChartFactory.Create(id, title, ChartKind.Scores, new ChartAxis("Score", $"0-{max}", Minimum: 0, Maximum: max), category, series,
            $"Scores out of {max} per {category.ToLowerInvariant()} and framework: from this run's evidence (measured, exercised, sourced) " +
            "beside the deck's cited values; a score with no evidence is unknown and not drawn.");
    }
}
