using Versus.Core.Engines;

namespace Versus.Engines.OnnxRuntime.Tests;

public sealed class EngineTests
{
    [Fact]
    public async Task Should_ReportUsableWithTheNativeVersion_When_OnnxRuntimeLoads()
    {
        var availability = await new OnnxRuntimeEngineProvider().CheckAvailabilityAsync(CancellationToken.None);

        Assert.True(availability.IsUsable, $"{availability.Summary} / {availability.Fix}");
        Assert.Contains("ONNX Runtime 1.", availability.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_OfferInferenceOnlyAndLaunchTheCliWorker_When_Asked()
    {
        var provider = new OnnxRuntimeEngineProvider();
        var self = new WorkerLaunch("/usr/bin/dotnet", ["/opt/versus/versus.dll"]);

        var launch = provider.CreateWorkerLaunch(new WorkerLaunchContext(self));

        Assert.Equal("onnxruntime", provider.Id);
        Assert.Equal(EngineCapabilities.Infer | EngineCapabilities.MatmulPeak, provider.Capabilities);
        Assert.Equal(["/opt/versus/versus.dll", "worker", "--engine", "onnxruntime"], launch.Arguments);
    }

    [Fact]
    public void Should_RecordVersionBackendThreadsAndSessionOptions_When_Loaded()
    {
        using var engine = new OnnxRuntimeEngineProvider().Load(2);

        var info = engine.Info;

        Assert.Equal("onnxruntime", info.Id);
        Assert.StartsWith("ONNX Runtime 1.", info.Version, StringComparison.Ordinal);
        Assert.Equal("cpu (CPUExecutionProvider)", info.Backend);
        Assert.Equal(2, info.Threads);
        Assert.Equal("ORT_ENABLE_ALL", info.Details["graphOptimizationLevel"]);
        Assert.Equal("ORT_SEQUENTIAL", info.Details["executionMode"]);
        Assert.Equal("17", info.Details["opset"]);
        Assert.Equal("2", info.Details["intraOpThreads"]);
        // Set in the session options; ONNX Runtime has no call that reads them back.
        Assert.Equal(ThreadControl.Configured, info.ThreadControl);
    }

    [Fact]
    public void Should_ReadTheDtypeFromTheSession_When_Prepared()
    {
        using var loaded = new OnnxRuntimeEngineProvider().Load(1);
        var spec = TestWorkloads.Spec("depth-2");

        // Before a session exists there is nothing to read it from, and nothing is assumed.
        Assert.False(loaded.Info.Details.ContainsKey("dtype"));
        using var engine = TestWorkloads.OnnxRuntime(spec, TestWorkloads.Weights(spec), TestWorkloads.Data(spec));

        Assert.Equal("float32", engine.Info.Details["dtype"]);
    }

    [Fact]
    public void Should_ReportTheCpuAsItsDevice_When_Loaded()
    {
        using var engine = new OnnxRuntimeEngineProvider().Load(1);

        Assert.Equal("cpu", engine.Info.Details[EngineDevice.KindKey]);
        Assert.Equal($"CPU: {Versus.Core.Environments.EnvironmentProbe.CpuModel()}", engine.Info.Details[EngineDevice.DeviceKey]);
    }

    [Fact]
    public void Should_RefuseToTrain_When_AskedForAStep()
    {
        var spec = TestWorkloads.Spec("depth-2");
        using var engine = TestWorkloads.OnnxRuntime(spec, TestWorkloads.Weights(spec), TestWorkloads.Data(spec));

        Assert.Throws<NotSupportedException>(() => engine.TrainStep([0, 1]));
    }

    [Fact]
    public void Should_CountExportAndSessionInTheBuild_When_Prepared()
    {
        var spec = TestWorkloads.Spec("small-cnn-28");

        using var engine = TestWorkloads.OnnxRuntime(spec, TestWorkloads.Weights(spec), TestWorkloads.Data(spec));

        Assert.True(engine.LastBuild.ExportMs > 0);
        Assert.True(engine.LastBuild.SessionMs > 0);
        // 1.2M float32 parameters: the weights really are inside the in-memory model.
        Assert.True(engine.ModelBytes > 4_000_000, $"{engine.ModelBytes} bytes");
    }

    [Fact]
    public void Should_AllocateAlmostNothing_When_InferringBatchOneRepeatedly()
    {
        var spec = TestWorkloads.Spec("small-cnn-28");
        using var engine = TestWorkloads.OnnxRuntime(spec, TestWorkloads.Weights(spec), TestWorkloads.Data(spec));
        int[] index = [3];
        engine.Infer(index);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 50; i++) engine.Infer(index);
        var perCall = (GC.GetAllocatedBytesForCurrentThread() - before) / 50.0;

        // A fresh input tensor alone would be 3 KB (784 floats); bound buffers leave only interop bookkeeping, if any.
        Assert.True(perCall < 256, $"{perCall} bytes allocated per batch-1 inference");
    }

    [Fact]
    public void Should_GiveTheSameLogits_When_AnImageIsPredictedAloneOrInABatch()
    {
        var spec = TestWorkloads.Spec("cnn-64");
        using var engine = TestWorkloads.OnnxRuntime(spec, TestWorkloads.Weights(spec), TestWorkloads.Data(spec));

        var batch = engine.Predict([5, 9, 2]);
        var alone = engine.Predict([9]);

        Assert.Equal(batch.AsSpan(10, 10).ToArray(), alone, (a, b) => Math.Abs(a - b) <= 1e-5f);
    }

    [Fact]
    public void Should_NameTheSet_When_AnIndexIsOutOfRange()
    {
        var spec = TestWorkloads.Spec("depth-2");
        using var engine = TestWorkloads.OnnxRuntime(spec, TestWorkloads.Weights(spec), TestWorkloads.Data(spec, test: 4));

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => engine.Predict([1, 4]));

        Assert.Contains("test set has 4 images", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_RefuseADataset_When_ItsShapeDoesNotFitTheSpec()
    {
        var spec = TestWorkloads.Spec("small-cnn-28");
        var other = TestWorkloads.Spec("cnn-64");
        using var engine = new OnnxRuntimeEngineProvider().Load(TestWorkloads.Threads);

        var error = Assert.Throws<ArgumentException>(() =>
            engine.PrepareAsync(spec, TestWorkloads.Weights(spec), TestWorkloads.Data(other), CancellationToken.None).GetAwaiter().GetResult());

        Assert.Contains("does not fit workload small-cnn-28", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_ReturnTheServedWeights_When_Exported()
    {
        var spec = TestWorkloads.Spec("depth-2");
        var weights = TestWorkloads.Weights(spec);
        using var engine = TestWorkloads.OnnxRuntime(spec, weights, TestWorkloads.Data(spec));

        var exported = engine.ExportWeights();

        Assert.Equal(weights.Tensors, exported.Tensors);
        Assert.Equal("onnxruntime", exported.Metadata["exportedBy"]);
    }
}
