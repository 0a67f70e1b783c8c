using Versus.Core.Engines;

namespace Versus.Engines.TorchSharp.Tests;

public sealed class ForwardPassTests
{
    [Fact]
    public void Should_ReturnBatchTimesClassesLogits_When_Predicting()
    {
        var spec = TestSpecs.File("small-cnn-28.json");
        using var engine = TestWorkloads.Prepared(spec, TestWorkloads.Weights(spec), TestWorkloads.Data(spec, train: 8, test: 8));

        var logits = engine.Predict([3, 0, 5]);

        Assert.Equal(3 * spec.Classes, logits.Length);
        Assert.All(logits, v => Assert.True(float.IsFinite(v)));
        Assert.NotEqual(logits[..spec.Classes], logits[spec.Classes..(2 * spec.Classes)]);
    }

    [Fact]
    public void Should_NameTheSetAndIndex_When_AnIndexIsOutOfRange()
    {
        var spec = TestSpecs.Inline(InlineSpecs.Tiny);
        using var engine = TestWorkloads.Prepared(spec, TestWorkloads.Weights(spec), TestWorkloads.Data(spec, train: 8, test: 4));

        var e = Assert.Throws<ArgumentOutOfRangeException>(() => engine.Predict([0, 4]));

        Assert.Equal(4, e.ActualValue);
        Assert.Contains("test set has 4 images", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => engine.TrainStep([-1]));
    }

    [Fact]
    public void Should_GiveBitIdenticalLogits_When_TwoEnginesLoadTheSameWeights()
    {
        var spec = TestSpecs.File("depth.json", 4);
        var weights = TestWorkloads.Weights(spec);
        var data = TestWorkloads.Data(spec, train: 8, test: 16);
        int[] batch = [15, 2, 7, 0, 9];

        float[] first, second;
        using (var engine = TestWorkloads.Prepared(spec, weights, data)) first = engine.Predict(batch);
        using (var engine = TestWorkloads.Prepared(spec, weights, data)) second = engine.Predict(batch);

        Assert.Equal(first, second);
    }

    [Fact]
    public void Should_GiveTheSameLogitsPerImage_When_TheBatchDiffers()
    {
        // Evaluation mode: batch norm uses running statistics, so an image's logits do not depend on its batch mates.
        var spec = TestSpecs.File("cnn-64.json");
        using var engine = TestWorkloads.Prepared(spec, TestWorkloads.Weights(spec), TestWorkloads.Data(spec, train: 64, test: 8));
        engine.TrainStep(Enumerable.Range(0, 64).ToArray());

        var alone = engine.Predict([4]);
        var together = engine.Predict([1, 4, 6]);

        for (var k = 0; k < alone.Length; k++) Assert.Equal(alone[k], together[spec.Classes + k], 1e-5);
    }

    [Fact]
    public void Should_ReportEngineIdentity_When_Loaded()
    {
        using var engine = new TorchSharpEngineProvider().Load(TestWorkloads.Threads);

        Assert.Equal("torchsharp", engine.Info.Id);
        Assert.Equal("cpu", engine.Info.Backend);
        Assert.Equal(TestWorkloads.Threads, engine.Info.Threads);
        Assert.Equal(ThreadControl.Applied, engine.Info.ThreadControl);
        Assert.Equal("float32", engine.Info.Details["dtype"]);
        Assert.Contains("0.107.0", engine.Info.Version, StringComparison.Ordinal);
        Assert.Matches(@"^\d+\.\d+", engine.Info.Details["libtorch"]);
        Assert.StartsWith(".NET ", engine.Info.Host, StringComparison.Ordinal);
        Assert.Equal(TestWorkloads.Threads.ToString(System.Globalization.CultureInfo.InvariantCulture), engine.Info.Details["intraOpThreads"]);
        if (OperatingSystem.IsLinux()) Assert.StartsWith("OpenMP (libgomp", engine.Info.Details["parallelRuntime"], StringComparison.Ordinal);
    }

    [Fact]
    public void Should_ReportTheCpuAsItsDevice_When_Loaded()
    {
        using var engine = new TorchSharpEngineProvider().Load(TestWorkloads.Threads);

        Assert.Equal(DeviceKind.Cpu, EngineDevice.KindOf(engine.Info));
        Assert.Equal($"CPU: {Versus.Core.Environments.EnvironmentProbe.CpuModel()}", EngineDevice.DescriptionOf(engine.Info));
    }

    [Fact]
    public async Task Should_RefuseTheDataset_When_ItsShapeDoesNotFitTheWorkload()
    {
        var spec = TestSpecs.File("small-cnn-28.json");
        var other = TestSpecs.File("cnn-64.json");
        using var engine = new TorchSharpEngineProvider().Load(TestWorkloads.Threads);

        var e = await Assert.ThrowsAsync<ArgumentException>(() => engine.PrepareAsync(spec, TestWorkloads.Weights(spec), TestWorkloads.Data(other, 4, 4), CancellationToken.None));

        Assert.Contains("small-cnn-28", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Refuse_When_UsedAfterDispose()
    {
        var spec = TestSpecs.Inline(InlineSpecs.Tiny);
        var engine = TestWorkloads.Prepared(spec, TestWorkloads.Weights(spec), TestWorkloads.Data(spec, 8, 4));

        engine.Dispose();
        engine.Dispose();

        Assert.Throws<ObjectDisposedException>(() => engine.Predict([0]));
    }

    [Fact]
    public void Should_TimeAMatrixProduct_When_AskedForThePeak()
    {
        using var engine = new TorchSharpEngineProvider().Load(TestWorkloads.Threads);

        var seconds = Enumerable.Range(0, 3).Select(_ => engine.TimeMatmul(512)).Min();

        Assert.InRange(seconds, 1e-6, 5);
    }
}
