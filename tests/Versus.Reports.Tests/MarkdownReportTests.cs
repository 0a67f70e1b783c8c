using System.Globalization;
using Versus.Core.Results;
using Versus.Core.Statistics;

namespace Versus.Reports.Tests;

public sealed class MarkdownReportTests
{
    private static readonly RunResults Run = SampleRun.TwoEngines();
    private static readonly string Report = new MarkdownReport().Render(Run);

    [Fact]
    public void Should_LabelDeckFiguresAsCitedWithTheirSource_When_RenderingTheTrainingTimeTable()
    {
        var table = RenderedTable.Under(Report, "(a) Total training time")!;

        var pytorch = table.Row(r => r[0].StartsWith("cited", StringComparison.Ordinal) && r[2] == "PyTorch");
        var tensorflow = table.Row(r => r[0].StartsWith("cited", StringComparison.Ordinal) && r[2] == "TensorFlow");

        Assert.Equal("cited (Novac et al., Sensors 2022)", pytorch[0]);
        Assert.Equal("16.98 h", table.Cell(pytorch, "Total training time"));
        Assert.Equal("21.95 h", table.Cell(tensorflow, "Total training time"));
        Assert.Contains("not comparable", RenderedTable.Section(Report, "(a) Total training time"), StringComparison.Ordinal);
    }

    [Fact]
    public void Should_PlaceCitedPerImageSecondsBesideMeasuredLatency_When_RenderingThe28x28Table()
    {
        var table = RenderedTable.Under(Report, "(c) Inference for small image models (28x28)")!;

        var cited = table.Row(r => r[0].StartsWith("cited", StringComparison.Ordinal) && r[2] == "TensorFlow");
        Assert.Equal("0.8985 s/image", table.Cell(cited, "Batch-1 latency"));
        Assert.Contains("Becirovic et al. 2021", cited[0], StringComparison.Ordinal);
        Assert.Equal(2, table.Rows.Count(r => r[0] == "measured here"));
        // The footnote comes from the facts file and says why ~0.9 s per image is no warm latency.
        Assert.Contains("about a thousand times a warm CNN forward pass", RenderedTable.Section(Report, "(c) Inference for small image models"), StringComparison.Ordinal);
    }

    [Fact]
    public void Should_ShowMeasuredMedianWithItsInterval_When_TheSampleSupportsOne()
    {
        var step = SampleRun.Find(Run, "alpha", "small-cnn-28", MeasurementKind.Training).Metric(MetricNames.TrainStep)!.Summary!;
        var table = RenderedTable.Under(Report, "(b) Epoch and step time")!;

        var row = table.Row(r => r[0] == "measured here" && r[1] == "`alpha`" && r[3] == "small-cnn-28");

        // Step times near 14.5 ms: four significant digits, milliseconds, interval on the same scale.
        var expected = string.Create(CultureInfo.InvariantCulture, $"{step.Median:N2} ms [{step.Ci95Low:N2}-{step.Ci95High:N2}]");
        Assert.Equal(expected, table.Cell(row, "Step time"));
        Assert.Equal("1.18 h", table.Cell(table.Row(r => r[2] == "PyTorch"), "Epoch time"));
        Assert.Equal("0.00087 s", table.Cell(table.Row(r => r[2] == "PyTorch"), "Step time"));
    }

    [Fact]
    public void Should_WriteP99AsWithheldWithTheReason_When_TooFewSamples()
    {
        var table = RenderedTable.Under(Report, "(c) Inference for small image models (28x28)")!;
        var beta = table.Row(r => r[1] == "`beta`");
        var alpha = table.Row(r => r[1] == "`alpha`");
        var alphaLatency = SampleRun.Find(Run, "alpha", "small-cnn-28", MeasurementKind.Inference).Metric(MetricNames.LatencyBatch1)!.Summary!;

        Assert.Equal($"withheld: 200 samples, p99 needs {TailPercentileRule.MinimumForP99}", table.Cell(beta, "p99"));
        Assert.EndsWith(" ms", table.Cell(beta, "p90"), StringComparison.Ordinal);
        // 700 samples support p99: it is shown, in microseconds like its median.
        Assert.Equal(string.Create(CultureInfo.InvariantCulture, $"{alphaLatency.P99!.Value * 1000:N1} µs"), table.Cell(alpha, "p99"));
    }

    [Fact]
    public void Should_ListFailedAndSkippedMeasurementsWithReasons_When_WorkersFailedOrWereSkipped()
    {
        var table = RenderedTable.Under(Report, "Failed and skipped")!;

        var failed = table.Row(r => r[4] == "failed");
        var skipped = table.Row(r => r[4] == "skipped");
        Assert.Equal("worker exited with code 134 after 2.1 s: RangeError: Array buffer allocation failed", table.Cell(failed, "Reason"));
        Assert.Equal("cnn-64", table.Cell(failed, "Workload"));
        Assert.Contains("Conv2DBackpropFilter not registered", table.Cell(skipped, "Reason"), StringComparison.Ordinal);
        Assert.Contains("gamma's native runtime was not found", RenderedTable.Section(Report, "Engines not usable"), StringComparison.Ordinal);
    }

    [Fact]
    public void Should_StateRatioWithBootstrapInterval_When_TwoEnginesMeasuredTheSameMetric()
    {
        var alpha = SampleRun.Find(Run, "alpha", "small-cnn-28", MeasurementKind.Training).Metric(MetricNames.TrainStep)!.Samples;
        var beta = SampleRun.Find(Run, "beta", "small-cnn-28", MeasurementKind.Training).Metric(MetricNames.TrainStep)!.Samples;
        var ratio = MedianRatio.Bootstrap(beta, alpha);
        var table = RenderedTable.Under(Report, "Comparisons between engines")!;

        var row = table.Row(r => r[0] == "small-cnn-28" && r[2] == MetricNames.TrainStep);

        var expected = string.Create(CultureInfo.InvariantCulture, $"alpha is {ratio.Ratio:0.00}x [{ratio.Low:0.00}-{ratio.High:0.00}] faster than beta");
        Assert.Equal(expected, table.Cell(row, "Result"));
        Assert.True(ratio.Low > 1.5, "beta's steps were generated ~1.8x slower; the interval should show it");
    }

    [Fact]
    public void Should_ShowHowLatencyGrowsWithDepth_When_TwoDepthsWereMeasured()
    {
        var depth2 = SampleRun.Find(Run, "alpha", "depth-2", MeasurementKind.Inference).Metric(MetricNames.LatencyBatch1)!.Samples;
        var depth4 = SampleRun.Find(Run, "alpha", "depth-4", MeasurementKind.Inference).Metric(MetricNames.LatencyBatch1)!.Samples;
        var growth = MedianRatio.Bootstrap(depth4, depth2);
        var table = RenderedTable.Under(Report, "(c) Depth networks")!;

        var row = table.Row(r => r[1] == "`alpha`" && r[3] == "4");

        Assert.Equal(string.Create(CultureInfo.InvariantCulture, $"{growth.Ratio:0.00}x [{growth.Low:0.00}-{growth.High:0.00}]"), table.Cell(row, "Latency vs"));
        Assert.Equal("baseline", table.Cell(table.Row(r => r[1] == "`alpha`" && r[3] == "2"), "Latency vs"));
        Assert.Equal("1.174 s", table.Cell(table.Row(r => r[2] == "PyTorch"), "Batch-1 latency"));
    }

    [Fact]
    public void Should_ReportStopReasonPeakMemoryAndShareOfPeak_When_AMachinePeakWasMeasured()
    {
        var training = SampleRun.Find(Run, "alpha", "small-cnn-28", MeasurementKind.Training);
        var peak = Versus.Testing.AttainablePeak.Of(SampleRun.Find(Run, "alpha", "machine", MeasurementKind.MachinePeak).Metric(MetricNames.MatmulGflops)!.Samples);
        var share = training.Metric(MetricNames.TrainGflops)!.Summary!.Median / peak;
        var table = RenderedTable.Under(Report, "Measurements in detail")!;

        var row = table.Row(r => r[0] == $"`{training.Id}`");

        Assert.Equal("planned work", table.Cell(row, "Stop reason"));
        Assert.Equal("612.0 MiB", table.Cell(row, "Peak RSS"));
        Assert.Equal(string.Create(CultureInfo.InvariantCulture, $"{share * 100:0.0}%"), table.Cell(row, "Share of machine peak"));
        Assert.Equal("budget spent", table.Cell(table.Row(r => r[0] == "`beta-small-cnn-28-inference`"), "Stop reason"));
    }

    [Fact]
    public void Should_SayNotReached_When_TrainingEndedBelowTheTargetAccuracy()
    {
        var table = RenderedTable.Under(Report, "Training outcome")!;

        var beta = table.Row(r => r[0] == "`beta`" && r[1] == "small-cnn-28");
        var alpha = table.Row(r => r[0] == "`alpha`" && r[1] == "small-cnn-28");

        Assert.Equal("target test accuracy 0.8 not reached in 3 epoch(s)", table.Cell(beta, "Time to target"));
        Assert.Equal("8.400 s (target test accuracy 0.8, checked at epoch ends)", table.Cell(alpha, "Time to target"));
        Assert.Equal("87.40%", table.Cell(beta, "Final accuracy"));
        Assert.StartsWith("1: ", table.Cell(alpha, "Loss per epoch"), StringComparison.Ordinal);
    }

    [Fact]
    public void Should_SayWhyTotalTimeIsMissing_When_ThePlannedEpochsDidNotFitTheBudget()
    {
        var training = SampleRun.Find(Run, "alpha", "depth-4", MeasurementKind.Training);
        var cut = training with
        {
            Metrics = [.. training.Metrics.Select(m => m.Name == MetricNames.TrainTotal
                ? new MetricRecord(MetricNames.TrainTotal, "s", [], null, "not measured: 2 of 3 epochs fit the budget")
                : m)],
        };
        var report = new MarkdownReport().Render(Run with { Measurements = [.. Run.Measurements.Select(m => m == training ? cut : m)] });

        var table = RenderedTable.Under(report, "(a) Total training time")!;
        var row = table.Row(r => r[1] == "`alpha`" && r[3] == "depth-4");

        Assert.Equal("no samples (not measured: 2 of 3 epochs fit the budget)", table.Cell(row, "Total training time"));
        var missing = RenderedTable.Under(report, "Metrics without samples")!;
        Assert.Contains(missing.Rows, r => r[1] == "depth-4" && r[3] == MetricNames.TrainTotal);
    }

    [Fact]
    public void Should_ShowEachEngineAsItsWorkersReportedIt_When_BackendsDifferByKind()
    {
        var table = RenderedTable.Under(Report, "As reported by their workers")!;

        var betaBackends = table.Rows.Where(r => r[0] == "`beta`").Select(r => table.Cell(r, "Backend")).Order().ToList();

        Assert.Equal(["cpu", "wasm"], betaBackends);
        var alpha = table.Row(r => r[0] == "`alpha`");
        Assert.Equal("AlphaTorch", table.Cell(alpha, "Framework"));
        Assert.Equal("dotnet 10.0.1", table.Cell(alpha, "Host"));
        Assert.Equal("2", table.Cell(alpha, "Threads"));
    }

    [Fact]
    public void Should_RenderWithoutRatioLines_When_OnlyOneEngineRan()
    {
        var report = new MarkdownReport().Render(SampleRun.OneEngine());

        Assert.Null(RenderedTable.Under(report, "Comparisons between engines"));
        Assert.Contains("nothing to compare", RenderedTable.Section(report, "Comparisons between engines"), StringComparison.Ordinal);
        Assert.DoesNotContain(" faster than beta", report, StringComparison.Ordinal);
        // The deck's tables still stand, with their cited rows, where this run measured nothing.
        Assert.Equal("2.0182 s", RenderedTable.Under(report, "(c) Inference for larger models")!.Cell(
            RenderedTable.Under(report, "(c) Inference for larger models")!.Row(r => r[2] == "TensorFlow"), "Batch-1 latency"));
    }

    [Fact]
    public void Should_LeaveOutTheDecksModelSections_When_OnlyAnImportedModelRan()
    {
        var one = SampleRun.OneEngine();
        var imported = one.Workloads[0] with { Id = "resnet18-10", SpecFile = "resnet18-10.onnx" };
        var run = one with
        {
            Workloads = [imported],
            Measurements = [.. one.Measurements.Where(m => m.Workload == "small-cnn-28" || m.Workload == "machine")
                .Select(m => m.Workload == "machine" ? m : m with { Workload = "resnet18-10" })],
        };

        var report = new MarkdownReport().Render(run);

        Assert.DoesNotContain("## (c) Inference for small image models", report, StringComparison.Ordinal);
        Assert.DoesNotContain("## (c) Inference for larger models", report, StringComparison.Ordinal);
        Assert.DoesNotContain("## (c) Depth networks", report, StringComparison.Ordinal);
        Assert.Contains("## Inference: workload `resnet18-10`", report, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_RenderTheSameReport_When_ResultsRoundTripThroughResultsJson()
    {
        var reread = ResultsJson.Deserialize<RunResults>(ResultsJson.Serialize(Run));

        Assert.Equal(Report, new MarkdownReport().Render(reread));
    }

    [Fact]
    public void Should_WriteReportMd_When_GivenADirectory()
    {
        var directory = Path.Combine(Path.GetTempPath(), "versus-report-" + Guid.NewGuid().ToString("N"));
        try
        {
            var path = new MarkdownReport().Write(Run, directory);

            Assert.Equal(Path.Combine(directory, MarkdownReport.FileName), path);
            Assert.Equal(Report, File.ReadAllText(path));
        }
        finally
        {
            if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
        }
    }
}
