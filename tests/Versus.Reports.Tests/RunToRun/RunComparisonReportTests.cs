using Versus.Core.Results;
using Versus.Reports.Model;
using Versus.Reports.Rendering;
using Versus.Reports.RunToRun;
using static Versus.Reports.Tests.RunToRun.HandMadeRuns;

namespace Versus.Reports.Tests.RunToRun;

public sealed class RunComparisonReportTests
{
    private static readonly RunResults Before = Run("20261202-101500-ab12",
    [
        Training("torchsharp", "depth-2", SampleSeries.Timings(1, 200, 30)),
        Latency("torchsharp", "depth-2", SampleSeries.Timings(2, 300, 0.4)),
        Latency("tfjs", "depth-2", SampleSeries.Timings(3, 300, 1.2)),
    ]);

    private static readonly RunResults After = Run("20261203-090000-cd34",
    [
        Training("torchsharp", "depth-2", SampleSeries.Timings(4, 200, 39)),
        Latency("torchsharp", "depth-2", SampleSeries.Timings(5, 300, 0.4)),
        Latency("tfjs", "depth-2", SampleSeries.Timings(6, 300, 1.2)),
    ]);

    [Fact]
    public void Should_ShowEveryMetricWithItsVerdict_When_RenderedAsMarkdown()
    {
        var comparison = RunComparer.Compare(Before, After, ComparisonOptions.Default);

        var markdown = ReportRenderers.Markdown.Render(RunComparisonReport.Compose(comparison), After);

        var table = RenderedTable.Under(markdown, "Run against run")!;
        var step = table.Row(r => r[2] == MetricNames.TrainStep);
        Assert.Equal("**slower**", table.Cell(step, "Verdict"));
        Assert.StartsWith("1.3", table.Cell(step, "B/A"), StringComparison.Ordinal);
        Assert.Equal("untested (n=1)", table.Cell(table.Row(r => r[2] == MetricNames.TrainTotal), "Verdict"));
        Assert.Equal("no change", table.Cell(table.Row(r => r[0] == "`tfjs`"), "Verdict"));
        Assert.Contains("1 slower, 0 faster, 3 with no change beyond the 5% threshold", markdown, StringComparison.Ordinal);
        Assert.Contains("**Chart: Run B against run A: ratio of medians per metric**", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_NameWhatDiffersInEachRow_When_AnEngineChangedVersion()
    {
        var upgraded = After with { Measurements = [.. After.Measurements.Select(m => m.Engine == "tfjs" ? m with { EngineInfo = Engine("tfjs", version: "4.23.0") } : m)] };

        var markdown = ReportRenderers.Markdown.Render(RunComparisonReport.Compose(RunComparer.Compare(Before, upgraded, ComparisonOptions.Default)), upgraded);

        var table = RenderedTable.Under(markdown, "Run against run")!;
        Assert.Equal("tfjs version 2.10.0 vs 4.23.0", table.Cell(table.Row(r => r[0] == "`tfjs`"), "Differs"));
        Assert.Equal("—", table.Cell(table.Row(r => r[0] == "`torchsharp`" && r[2] == MetricNames.TrainStep), "Differs"));
        Assert.Contains("- tfjs version: 2.10.0 in A, 4.23.0 in B", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_LeaveTheDiffersColumnOut_When_NothingDiffers()
    {
        var markdown = ReportRenderers.Markdown.Render(RunComparisonReport.Compose(RunComparer.Compare(Before, After, ComparisonOptions.Default)), After);

        Assert.DoesNotContain("Differs", RenderedTable.Under(markdown, "Run against run")!.Headers);
    }

    [Fact]
    public void Should_LeaveEngineRatiosOut_When_BothRunsAreOnOneMachine()
    {
        var comparison = RunComparer.Compare(Before, After, ComparisonOptions.Default);

        var report = RunComparisonReport.Compose(comparison);

        Assert.NotEmpty(comparison.EngineRatios);
        Assert.DoesNotContain(report.Blocks.OfType<HeadingBlock>(), h => h.Id == "run-comparison-engine-ratios");
    }

    [Fact]
    public void Should_ShowEngineRatios_When_TheRunsAreOnDifferentMachines()
    {
        var elsewhere = After with { Environment = Machine with { MachineName = "laptop" } };

        var markdown = ReportRenderers.Markdown.Render(RunComparisonReport.Compose(RunComparer.Compare(Before, elsewhere, ComparisonOptions.Default)), elsewhere);

        var table = RenderedTable.Under(markdown, "Engine against engine, run against run")!;
        var row = table.Row(r => r[2] == MetricNames.LatencyBatch1);
        Assert.Equal("`tfjs` / `torchsharp`", table.Cell(row, "Engine / reference"));
        Assert.Contains("**Different machines**", markdown, StringComparison.Ordinal);
        Assert.Contains("- machine: bench-01 in A, laptop in B", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_PlaceTheComparisonAfterTheEngineComparisons_When_ARunsReportIsGivenOne()
    {
        var comparison = RunComparer.Compare(Before, After, ComparisonOptions.Default);

        var report = new ReportComposer().Compose(After, comparison);

        var sections = report.Blocks.OfType<HeadingBlock>().Where(h => h.Level == 2).Select(h => h.Id).ToList();
        Assert.Equal(sections.IndexOf("comparisons-between-engines") + 1, sections.IndexOf("run-comparison"));
        Assert.Single(report.Charts, c => c.Id == "chart-run-change" && c.Kind == ChartKind.Forest);
        Assert.DoesNotContain("run-comparison", new ReportComposer().Compose(After).Blocks.OfType<HeadingBlock>().Select(h => h.Id));
    }
}
