using System.Globalization;
using Versus.Core.Engines;
using Versus.Core.Environments;
using Versus.Core.Results;
using Versus.Core.Statistics;

namespace Versus.Reports.Tests;

/// <summary>Every engine's peak in the environment, shares of the best peak on the same device only, the peak on paper.</summary>
public sealed class PeakReportTests
{
    private const string Cpu = "CPU: Intel(R) Xeon(R) Platinum 8375C CPU @ 2.90GHz";
    private const string Llvmpipe = "llvmpipe (LLVM 15.0.6, 256 bits), a software renderer";

    private static readonly EngineInfo BetaOnCpu = SampleRun.Beta with
    {
        Details = new Dictionary<string, string> { [EngineDevice.DeviceKey] = Cpu, [EngineDevice.KindKey] = "cpu" },
    };

    private static readonly EngineInfo BetaOnLlvmpipe = SampleRun.Beta with
    {
        Backend = "webgl",
        Details = new Dictionary<string, string> { [EngineDevice.DeviceKey] = Llvmpipe, [EngineDevice.KindKey] = "software-gpu" },
    };

    [Fact]
    public void Should_ListEveryEnginesPeakAndUseTheBest_When_TwoEnginesMeasuredOneOnTheSameCpu()
    {
        var run = WithBetaPeak(SampleRun.TwoEngines(), 180);
        var markdown = new MarkdownReport().Render(run);
        var peaks = RenderedTable.Under(markdown, "Matrix-product peaks")!;
        var details = RenderedTable.Under(markdown, "Measurements in detail")!;
        var training = SampleRun.Find(run, "alpha", "small-cnn-28", MeasurementKind.Training);
        var betaPeak = Versus.Testing.AttainablePeak.Of(SampleRun.Find(run, "beta", "machine", MeasurementKind.MachinePeak).Metric(MetricNames.MatmulGflops)!.Samples);

        Assert.Equal("no", peaks.Cell(peaks.Row(r => r[0] == "`alpha`"), "Used for share of peak"));
        Assert.Equal("yes: the best on its device", peaks.Cell(peaks.Row(r => r[0] == "`beta`"), "Used for share of peak"));
        // alpha's share is of beta's peak, the best on their shared CPU, not of alpha's own.
        var share = training.Metric(MetricNames.TrainGflops)!.Summary!.Median / betaPeak;
        Assert.Equal(string.Create(CultureInfo.InvariantCulture, $"{share * 100:0.0}%"),
            details.Cell(details.Row(r => r[0] == $"`{training.Id}`"), "Share of machine peak"));
    }

    [Fact]
    public void Should_SayThePeakIsNoCeiling_When_AShareIsOver100Percent()
    {
        var run = SampleRun.TwoEngines();
        var training = SampleRun.Find(run, "alpha", "small-cnn-28", MeasurementKind.Training);
        var above = MetricRecord.From(MetricNames.TrainPeakShare, "ratio", [1.03, 1.04, 1.04, 1.05], "share of beta's peak; above 100%");
        run = run with
        {
            Measurements = [.. run.Measurements.Select(m => m.Id == training.Id
                ? m with { Metrics = [.. m.Metrics.Where(x => x.Name != MetricNames.TrainPeakShare), above] } : m)],
        };
        var details = RenderedTable.Under(new MarkdownReport().Render(run), "Measurements in detail")!;

        var cell = details.Cell(details.Row(r => r[0] == $"`{training.Id}`"), "Share of machine peak");

        Assert.Equal("104.0% (above the best timed matrix product: that peak is a measured rate, not this device's ceiling)", cell);
    }

    [Fact]
    public void Should_GiveNoShareAndSayWhy_When_TheEngineRanOnASoftwareRenderer()
    {
        var run = SampleRun.TwoEngines();
        run = run with
        {
            Measurements = [.. run.Measurements.Select(m => m is { Engine: "beta", Workload: "small-cnn-28", Kind: MeasurementKind.Inference }
                ? m with { EngineInfo = BetaOnLlvmpipe } : m)],
        };
        var details = RenderedTable.Under(new MarkdownReport().Render(run), "Measurements in detail")!;

        var cell = details.Cell(details.Row(r => r[0] == "`beta-small-cnn-28-inference`"), "Share of machine peak");

        Assert.Equal($"{Llvmpipe} runs its GPU API on the CPU: no GPU peak applies, and a CPU peak measures other kernels", cell);
    }

    [Fact]
    public void Should_ShowThePeakOnPaperWithItsBasis_When_TheRunRecordedIt()
    {
        var run = SampleRun.TwoEngines();
        var peak = new TheoreticalPeak(371.2, 2, 2.9, 512, 2, 64, "2 cores x 2.9 GHz x 64 fp32 FLOP/cycle = 371.2 GFLOP/s; test basis");
        run = run with { Environment = run.Environment with { TheoreticalPeak = peak } };
        var table = RenderedTable.Under(new MarkdownReport().Render(run), "Environment")!;

        Assert.Equal("371.2 GFLOP/s: 2 cores x 2.9 GHz x 64 fp32 FLOP/cycle = 371.2 GFLOP/s; test basis",
            table.Cell(table.Row(r => r[0] == "Theoretical fp32 peak"), "Value"));
    }

    [Fact]
    public void Should_SayThePeakOnPaperWasNotRecorded_When_TheRunPredatesIt()
    {
        var table = RenderedTable.Under(new MarkdownReport().Render(SampleRun.TwoEngines()), "Environment")!;

        Assert.Equal("not recorded (results from before schema 1.2)", table.Cell(table.Row(r => r[0] == "Theoretical fp32 peak"), "Value"));
    }

    private static RunResults WithBetaPeak(RunResults run, double gflops)
    {
        var peak = new MeasurementRecord("beta-machine-machinepeak", "beta", BetaOnCpu, "machine", MeasurementKind.MachinePeak,
            MeasurementStatus.Ok, null, StopReason.IntervalReached, SampleRun.Start, SampleRun.Start.AddMinutes(1), null, null,
            [MetricRecord.From(MetricNames.MatmulGflops, "GFLOP/s", SampleSeries.Timings(21, 12, gflops, 0.01), "1024x1024 fp32 matrix product")], []);
        return run with { Measurements = [.. run.Measurements, peak] };
    }
}
