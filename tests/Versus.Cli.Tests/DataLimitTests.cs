using Versus.Cli.Commands;
using Versus.Core.Data;
using Versus.Core.Planning;
using Versus.Core.Results;

namespace Versus.Cli.Tests;

/// <summary>
/// Like for like on data: a run on a real dataset trains and tests on all of it unless a limit is given, the limit is
/// the first N images, and generated data keeps the profile's counts; the header's data line says which. Options go
/// through the real validator and planner, and the real Fashion-MNIST files (60,000 training and 10,000 test images).
/// </summary>
public sealed class DataLimitTests : IDisposable
{
    private const string FashionMnist = IdxDataset.DebianFashionMnist;
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [SkippableFact]
    public async Task Should_UseEveryImage_When_ARealDatasetIsGivenWithoutLimits()
    {
        RequireFashionMnist();

        var (data, workload) = await Plan(new RunCommandSettings { Data = FashionMnist });

        Assert.Equal((DataSource.Idx, 60_000, 10_000), (data.Kind, data.TrainCount, data.TestCount));
        Assert.Equal($"IDX files in {FashionMnist}: all 60000 training images and all 10000 test images", workload.Dataset);
    }

    [SkippableFact]
    public async Task Should_KeepTheFirstImages_When_LimitsAreGiven()
    {
        RequireFashionMnist();

        var (data, workload) = await Plan(new RunCommandSettings { Data = FashionMnist, TrainImages = "1000", TestImages = "500" });

        Assert.Equal((1000, 500), (data.TrainCount, data.TestCount));
        Assert.Equal($"IDX files in {FashionMnist}: the first 1000 of 60000 training images (--train-images 1000) and " +
            "the first 500 of 10000 test images (--test-images 500)", workload.Dataset);
        var loaded = DatasetLoader.Load(data, Versus.Core.Models.ActivationShape.Image(1, 28, 28), 10);
        Assert.Equal((1000, 500), (loaded.Train.Count, loaded.Test.Count));
    }

    [Fact]
    public async Task Should_GenerateTheProfilesCounts_When_NoDataIsGiven()
    {
        var (data, workload) = await Plan(new RunCommandSettings());

        Assert.Equal((DataSource.Generated, 8192, 2048), (data.Kind, data.TrainCount, data.TestCount));
        Assert.Equal("generated (seed 42): 8192 training images (the full profile's count) and 2048 test images (the full profile's count)",
            workload.Dataset);
    }

    [Fact]
    public async Task Should_GenerateTheGivenCounts_When_GeneratedDataIsLimited()
    {
        var (data, workload) = await Plan(new RunCommandSettings { Quick = true, TrainImages = "300" });

        Assert.Equal((300, 256), (data.TrainCount, data.TestCount));
        Assert.Equal("generated (seed 42): 300 training images (--train-images) and 256 test images (the quick profile's count)", workload.Dataset);
    }

    private async Task<(DataSource Data, WorkloadRecord Workload)> Plan(RunCommandSettings given)
    {
        var raw = new RunCommandSettings
        {
            Engines = "torchsharp", Workloads = "small-cnn-28", Out = temp.Path, Quick = given.Quick, Data = given.Data,
            TrainImages = given.TrainImages, TestImages = given.TestImages,
        };
        var (settings, errors) = RunOptionsValidator.Validate(raw, EngineCatalog.All, WorkloadCatalog.Locate(), 16L << 30);
        Assert.Empty(errors);
        var plan = await RunPlanner.PlanAsync(settings!, SelfLaunch.Context(), CancellationToken.None);
        var training = plan.Measurements.Single(m => m.Task.Kind == MeasurementKind.Training).Task;
        Assert.Equal(training.Data, plan.Measurements.Single(m => m.Task.Kind == MeasurementKind.Inference).Task.Data);
        return (training.Data!, plan.Workloads.Single());
    }

    private static void RequireFashionMnist() =>
        Skip.IfNot(File.Exists(Path.Combine(FashionMnist, "train-images-idx3-ubyte.gz")),
            "needs Debian's dataset-fashion-mnist (apt install dataset-fashion-mnist)");
}
