using Versus.Reports.Model;
using Versus.Reports.Tests.Verdict;

namespace Versus.Reports.Tests;

public sealed class VerdictReportTests
{
    private static readonly ReportDocument Report = new ReportComposer().Compose(SampleRun.TwoEngines());

    [Fact]
    public void Should_AnswerTrainAndDeployFirst_When_ComposingTheReport()
    {
        var headings = Report.Blocks.OfType<HeadingBlock>().Select(h => h.Title.Plain).ToList();

        Assert.Equal("The verdict: what to train with and what to deploy with", headings[1]);
        var paragraphs = Report.Blocks.OfType<ParagraphBlock>().Select(p => p.Text.Plain).ToList();
        Assert.Contains(paragraphs, p => p.StartsWith("Train with: ", StringComparison.Ordinal));
        Assert.Contains(paragraphs, p => p.StartsWith("Deploy with: ", StringComparison.Ordinal));
    }

    [Fact]
    public void Should_EndWithTheTwoAnswers_When_ComposingTheReport()
    {
        var headings = Report.Blocks.OfType<HeadingBlock>().ToList();
        var last = Report.Blocks.SkipWhile(b => b != headings[^1]).ToList();

        Assert.Equal("In short", headings[^1].Title.Plain);
        var bullets = Assert.IsType<BulletsBlock>(Assert.Single(last, b => b is BulletsBlock)).Items.Select(i => i.Plain).ToList();
        Assert.StartsWith("Train with: ", bullets[0], StringComparison.Ordinal);
        Assert.StartsWith("Deploy with: ", bullets[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Should_DrawScoresBesideTheDecks_When_ComposingTheReport()
    {
        var features = Report.Charts.Single(c => c.Id == "chart-feature-scores");
        var matrix = Report.Charts.Single(c => c.Id == "chart-deployment-matrix");

        Assert.Equal(ChartKind.Scores, features.Kind);
        Assert.Equal(10, features.ValueAxis.Maximum);
        Assert.Equal(3, matrix.ValueAxis.Maximum);
        // The deck's usability scores (TensorFlow 7, PyTorch 9) are cited; usability from evidence is unknown in rubric 1.
        Assert.Contains(features.Series.Where(s => s.Cited).SelectMany(s => s.Points), p => p.Category == "Usability" && p.Value == 9);
        Assert.DoesNotContain(features.Series.Where(s => !s.Cited).SelectMany(s => s.Points), p => p.Category == "Usability");
    }

    [Fact]
    public void Should_NameTheEnginesThatStoodForEachFramework_When_ScoringFromMeasurements()
    {
        var run = new VerdictRun()
            .Training(VerdictRun.PyTorchEngine, VerdictRun.Alpha, "depth-2", VerdictRun.Around(10))
            .Training(VerdictRun.TensorFlowEngine, VerdictRun.Beta, "depth-2", VerdictRun.Around(40));
        var report = new ReportComposer().Compose(run.Build());

        var paragraphs = report.Blocks.OfType<ParagraphBlock>().Select(p => p.Text.Plain).ToList();

        var which = Assert.Single(paragraphs, p => p.StartsWith("The measured evidence (speed ratios) stands for each framework", StringComparison.Ordinal));
        Assert.Contains($"PyTorch: {VerdictRun.PyTorchEngine}", which, StringComparison.Ordinal);
        Assert.Contains($"TensorFlow: {VerdictRun.TensorFlowEngine}", which, StringComparison.Ordinal);
    }
}
