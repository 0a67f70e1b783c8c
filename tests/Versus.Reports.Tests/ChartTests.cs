using System.Globalization;
using Versus.Core.Parity;
using Versus.Core.Results;
using Versus.Reports.Model;

namespace Versus.Reports.Tests;

public sealed class ChartTests
{
    private static readonly RunResults Run = SampleRun.TwoEngines();
    private static readonly ReportDocument Report = new ReportComposer().Compose(Run);

    private static ChartBlock Chart(ReportDocument report, string id) =>
        report.Charts.SingleOrDefault(c => c.Id == id) ?? throw new InvalidOperationException(
            $"No chart '{id}'; the report has: {string.Join(", ", report.Charts.Select(c => c.Id))}");

    [Theory]
    [InlineData("chart-training-total", ChartKind.Bars)]
    [InlineData("chart-training-steps", ChartKind.Box)]
    [InlineData("chart-latency", ChartKind.Bars)]
    [InlineData("chart-throughput", ChartKind.Bars)]
    [InlineData("chart-cold-start", ChartKind.StackedBars)]
    [InlineData("chart-depth-latency", ChartKind.Lines)]
    [InlineData("chart-depth-training-step", ChartKind.Lines)]
    [InlineData("chart-loss-small-cnn-28", ChartKind.Lines)]
    [InlineData("chart-ratios", ChartKind.Forest)]
    public void Should_DrawTheDecksChart_When_TheRunMeasuredItsFigures(string id, ChartKind kind)
    {
        var chart = Chart(Report, id);

        Assert.Equal(kind, chart.Kind);
        Assert.NotEmpty(chart.Series.SelectMany(s => s.Points));
        Assert.False(string.IsNullOrWhiteSpace(chart.Description));
        Assert.Equal(chart.Series.Sum(s => s.Points.Count), chart.Data.Rows.Count);
    }

    [Fact]
    public void Should_PlotTheStoredMedianAndIntervalInMilliseconds_When_DrawingLatency()
    {
        var latency = SampleRun.Find(Run, "beta", "depth-4", MeasurementKind.Inference).Metric(MetricNames.LatencyBatch1)!.Summary!;
        var chart = Chart(Report, "chart-latency");

        var point = chart.Series.Single(s => s.Name == "beta (wasm)").Points.Single(p => p.Category == "depth-4");

        Assert.Equal(latency.Median, point.Value, 9);
        Assert.Equal(latency.Ci95Low!.Value, point.Low!.Value, 9);
        Assert.Equal(latency.Ci95High!.Value, point.High!.Value, 9);
        Assert.Equal("ms", chart.ValueAxis.Unit);
        Assert.True(chart.ValueAxis.Log);
        var row = chart.Data.Rows.Single(r => r[0].Plain == "depth-4" && r[1].Plain == "beta (wasm)");
        Assert.Equal(latency.Median, double.Parse(row[2].Plain, CultureInfo.InvariantCulture), latency.Median * 1e-5);
    }

    [Fact]
    public void Should_StandTheDecksSecondsApartAsCited_When_DrawingLatency()
    {
        var cited = Chart(Report, "chart-latency").Series.Where(s => s.Cited).ToList();

        Assert.NotEmpty(cited);
        // 0.8985 s per image in the deck, drawn in the chart's milliseconds on a category that is no workload of the run.
        var tensorflow = cited.SelectMany(s => s.Points).Single(p => p.Value == 898.5);
        Assert.StartsWith("the deck (cited)", tensorflow.Category, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_KeepEveryStepSample_When_DrawingTheStepDistribution()
    {
        var steps = SampleRun.Find(Run, "alpha", "small-cnn-28", MeasurementKind.Training).Metric(MetricNames.TrainStep)!;

        var point = Chart(Report, "chart-training-steps").Series.Single(s => s.Name == "alpha (cpu)").Points.Single(p => p.Category == "small-cnn-28");

        Assert.Equal(steps.Samples, point.Samples);
    }

    [Fact]
    public void Should_AddUpToTheMeasuredColdStart_When_StackingItsParts()
    {
        var m = SampleRun.Find(Run, "alpha", "small-cnn-28", MeasurementKind.Inference);
        var cold = m.Metric(MetricNames.ColdStart)!.Summary!.Median;
        var partsOnly = new[] { MetricNames.ColdProcessStart, MetricNames.ColdEngineLoad, MetricNames.ColdModelBuild, MetricNames.ColdFirstPrediction }
            .Sum(name => m.Metric(name)!.Summary!.Median);

        var parts = Chart(Report, "chart-cold-start").Series.SelectMany(s => s.Points).Where(p => p.Category == "small-cnn-28 / alpha (cpu)").ToList();

        Assert.Equal(5, parts.Count);
        // The sample's parts are drawn independently of its total, so their medians may exceed it: never a negative part.
        Assert.Equal(Math.Max(cold, partsOnly), parts.Sum(p => p.Value), 6);
        Assert.All(parts, p => Assert.True(p.Value >= 0));
    }

    [Fact]
    public void Should_GreyAndLabelTheComparison_When_ParityFailed()
    {
        var failed = new ParityCheck("small-cnn-28", "alpha", "beta", ParityKind.Forward, 0.02, 1e-4, false, 160, "max |logit difference|");
        var report = new ReportComposer().Compose(Run with { Parity = [failed] });

        var points = Chart(report, "chart-ratios").Series.Single().Points;

        var invalid = points.Where(p => p.Category.StartsWith("small-cnn-28,", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(invalid);
        Assert.All(invalid, p => Assert.True(p.Muted));
        Assert.All(invalid, p => Assert.StartsWith("invalid comparison: INVALID: forward parity failed", p.Note, StringComparison.Ordinal));
        Assert.All(points.Where(p => !p.Category.StartsWith("small-cnn-28,", StringComparison.Ordinal)), p => Assert.False(p.Muted));
        Assert.All(invalid, p => Assert.EndsWith(" · parity failed", p.Category, StringComparison.Ordinal));
        Assert.All(points.Except(invalid), p => Assert.EndsWith(" · parity not checked", p.Category, StringComparison.Ordinal));
    }

    [Fact]
    public void Should_StateTheGrowthFactor_When_DrawingTheDepthSweep()
    {
        var chart = Chart(Report, "chart-depth-latency");

        var alpha = chart.Series.Single(s => s.Name.StartsWith("alpha (cpu)", StringComparison.Ordinal));

        Assert.Equal([2.0, 4.0], alpha.Points.Select(p => p.X!.Value));
        Assert.Matches(@": \d\.\d\dx from N=2 to 4$", alpha.Name);
        Assert.Equal("baseline (smallest N)", alpha.Points[0].Note);
    }

    [Fact]
    public void Should_NameEngineVersionBackendAndThreads_When_PlacingAMeasuredChart()
    {
        var blocks = Report.Blocks.ToList();
        var index = blocks.FindIndex(b => b is ChartBlock { Id: "chart-latency" });

        var note = Assert.IsType<NoteBlock>(blocks[index + 1]).Text.Plain;

        Assert.StartsWith("measured here (Intel(R) Xeon(R) Platinum 8375C CPU @ 2.90GHz, 2 thread(s) per engine)", note, StringComparison.Ordinal);
        Assert.Contains("beta (wasm) = BetaFlow.js 4.22.0, backend wasm, 2 thread(s)", note, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_ShowAChartAsItsDataTable_When_RenderingMarkdown()
    {
        var markdown = new MarkdownReport().Render(Run);

        Assert.Contains("**Chart: Warm batch-1 latency per workload and engine** (drawn in report.html; its data:)", markdown, StringComparison.Ordinal);
    }
}
