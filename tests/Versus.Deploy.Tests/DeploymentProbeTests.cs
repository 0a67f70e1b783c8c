using Versus.Core.Engines;
using Versus.Core.Measurement;
using Versus.Core.Results;
using Versus.Engines.OnnxRuntime;
using Versus.Engines.OnnxRuntime.Deployment;

namespace Versus.Deploy.Tests;

/// <summary>The interop and edge probes on small-cnn-28 with real TorchSharp and ONNX Runtime, as a quick run does them.</summary>
public sealed class DeploymentProbeTests : IDisposable
{
    private readonly string outDirectory = Directory.CreateTempSubdirectory("versus-deploy-").FullName;

    public void Dispose() => Directory.Delete(outDirectory, recursive: true);

    [Fact]
    public async Task Should_ReproduceTorchSharpLogitsFromTheOnnxFile_When_SmallCnn28IsTrainedAndExported()
    {
        var context = Context();

        var (records, model) = await InteropProbe.RunAsync(context, CancellationToken.None);

        var record = Assert.Single(records);
        Assert.True(record.Status == DeploymentStatus.Passed, record.Evidence);
        Assert.Equal(DeploymentTarget.OnnxInterop, record.Target);
        Assert.Equal("torchsharp-to-onnxruntime", record.Engine);
        // The round trip is PyTorch's interoperability: its model left it through ONNX; ONNX Runtime is the witness.
        Assert.Equal(FrameworkFamily.PyTorch, record.Family);
        Assert.NotNull(model);
        Assert.True(File.Exists(model.Path));
        Assert.StartsWith(outDirectory, model.Path, StringComparison.Ordinal);
        Assert.Equal(new FileInfo(model.Path).Length, record.Metric(MetricNames.DeployModelSize)!.Samples[0]);
        // 1.2M fp32 parameters: the file is mostly weights, so about 4.8 MB.
        Assert.InRange(model.Bytes, 4_000_000, 6_000_000);
        var diff = record.Metric(MetricNames.DeployInteropMaxDiff)!.Samples[0];
        Assert.InRange(diff, 0, 1e-3);
        // The exported weights are the trained ones, not the initial ones the run started from.
        Assert.NotEqual(context.InitialWeights.Tensors[0].Data, model.Weights.Tensors[0].Data);
    }

    [Fact]
    public async Task Should_TimeSingleThreadBatch1AndRecordInt8AsNotExercised_When_EdgeIsProbed()
    {
        var context = Context();
        var (_, model) = await InteropProbe.RunAsync(context, CancellationToken.None);

        var records = await EdgeProbe.RunAsync(context, model, CancellationToken.None);

        var fp32 = Assert.Single(records, r => r.Engine == OnnxRuntimeEngineProvider.EngineId);
        Assert.True(fp32.Status == DeploymentStatus.Passed, fp32.Evidence);
        var latency = fp32.Metric(MetricNames.DeployEdgeLatency)!.Summary!;
        Assert.True(latency.Count >= MeasurementProfile.Quick.MinSamples);
        Assert.InRange(latency.Median, 0.001, 100);
        // The inference warm-up: by count and by time, recorded with the probe.
        var warmup = Assert.Single(fp32.Warmup!);
        Assert.Equal(WarmupPhase.Latency, warmup.Phase);
        Assert.True(warmup.Calls >= MeasurementProfile.Quick.WarmupInferIterations, $"{warmup.Calls} warm-up calls");
        Assert.True(warmup.Seconds >= MeasurementProfile.Quick.WarmupDuration.TotalSeconds, $"{warmup.Seconds} s of warm-up");
        Assert.Contains($"{warmup.Calls} runs over", fp32.Metric(MetricNames.DeployEdgeLatency)!.Note, StringComparison.Ordinal);
        Assert.Equal(model!.Bytes, fp32.Metric(MetricNames.DeployModelSize)!.Samples[0]);
        var int8 = Assert.Single(records, r => r.Engine == OnnxRuntimeEdge.Int8Engine);
        Assert.Equal(DeploymentStatus.NotExercised, int8.Status);
        Assert.Contains("Python-only", int8.Evidence, StringComparison.Ordinal);
        Assert.All(records, r => Assert.Equal(FrameworkFamily.Onnx, r.Family));
    }

    [Fact]
    public async Task Should_RecordFailedWithTheStage_When_TheDatasetDoesNotFitTheWorkload()
    {
        var (spec, weights, _) = Workloads.SmallCnn28();
        var (_, _, otherData) = Workloads.Depth2();
        var wrongClasses = otherData with { Classes = spec.Classes + 1 };
        var context = TestEngines.Context((spec, weights, wrongClasses), outDirectory);

        var (records, model) = await InteropProbe.RunAsync(context, CancellationToken.None);

        Assert.Null(model);
        var record = Assert.Single(records);
        Assert.Equal(DeploymentStatus.Failed, record.Status);
        Assert.Contains("preparing the workload in TorchSharp", record.Evidence, StringComparison.Ordinal);
    }

    private DeploymentContext Context() => TestEngines.Context(Workloads.SmallCnn28(), outDirectory);
}
