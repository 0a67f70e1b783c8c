using Versus.Core.Engines;
using Versus.Core.Results;

namespace Versus.Cli.Tests;

/// <summary>
/// A real quick run of TorchSharp and ONNX Runtime on small-cnn-28: every engine times its own matrix product, and no
/// workload reaches more than the best peak measured on its device (it did: ONNX Runtime read 104-114% of libtorch's
/// 1024x1024 product when that was "the peak").
/// </summary>
public sealed class PeakShareTests : IDisposable
{
    private readonly TempDirectory temp = new();

    [Fact]
    public async Task Should_NeverExceedTheWholePeak_When_TorchSharpAndOnnxRuntimeRunASmallWorkload()
    {
        var result = await VersusProcess.RunAsync(TimeSpan.FromMinutes(10), "run", "--quick", "--engines", "torchsharp,onnxruntime",
            "--workloads", "small-cnn-28", "--no-deploy", "--out", temp.File("out"), "--db", temp.File("results.db"));
        Assert.True(result.ExitCode == 0, $"exit {result.ExitCode}\n{result.Stderr}\n{result.Stdout}");
        var results = ResultsJson.Deserialize<RunResults>(File.ReadAllText(Path.Combine(temp.File("out"), "results.json")));

        var peaks = results.Measurements.Where(m => m is { Kind: MeasurementKind.MachinePeak, Status: MeasurementStatus.Ok }).ToList();
        Assert.Equal(["torchsharp", "onnxruntime"], peaks.Select(p => p.Engine));
        var best = peaks.Max(p => AttainablePeak.Of(p.Metric(MetricNames.MatmulGflops)!.Samples));
        Assert.All(peaks, p => Assert.All(MeasurementProfileSizes(results), n => Assert.NotNull(p.Metric(MetricNames.MatmulGflopsAt(n))?.Summary)));

        var shares = results.Measurements
            .Where(m => m.Status == MeasurementStatus.Ok && m.Kind != MeasurementKind.MachinePeak)
            .Select(m => (m, Share: m.Metric(m.Kind == MeasurementKind.Training ? MetricNames.TrainPeakShare : MetricNames.InferPeakShare)))
            .ToList();
        Assert.Equal(3, shares.Count);
        Assert.All(shares, s =>
        {
            var summary = s.Share?.Summary;
            Assert.True(summary is not null, $"{s.m.Id}: no share of peak ({s.Share?.Note})");
            Assert.True(summary.Median <= 1, $"{s.m.Id}: {summary.Median:P1} of the peak");
            // The share is of the best peak on the CPU, whichever engine measured it: achieved GFLOP/s over that peak.
            var achieved = s.m.Metric(s.m.Kind == MeasurementKind.Training ? MetricNames.TrainGflops : MetricNames.InferGflops)!.Samples;
            Assert.Equal(achieved[0] / best, s.Share!.Samples[0], 9);
            Assert.Contains(EngineDevice.DescriptionOf(s.m.EngineInfo!)!, s.Share.Note, StringComparison.Ordinal);
        });
        Assert.NotNull(results.Environment.TheoreticalPeak);
    }

    private static IReadOnlyList<int> MeasurementProfileSizes(RunResults results) => results.Options.Budgets!.MatmulSizes;

    public void Dispose() => temp.Dispose();
}
