using Versus.Core.Models;

namespace Versus.Core.Tests.Models;

public sealed class ModelAnalysisTests
{
    [Fact]
    public void Should_InferEveryShape_When_SmallCnn28()
    {
        var analysis = ModelSpecReader.ReadFile(RepoPaths.Workload("small-cnn-28")).Analysis!;

        Assert.Equal(["32x26x26", "32x26x26", "64x24x24", "64x24x24", "64x12x12", "9216", "128", "128", "10"],
            analysis.Layers.Select(l => l.OutputShape.ToString()));
    }

    [Fact]
    public void Should_CountParametersByHand_When_SmallCnn28()
    {
        var analysis = ModelSpecReader.ReadFile(RepoPaths.Workload("small-cnn-28")).Analysis!;

        const long conv1 = 32 * 1 * 3 * 3 + 32, conv2 = 64 * 32 * 3 * 3 + 64, fc1 = 9216 * 128 + 128, fc2 = 128 * 10 + 10;
        Assert.Equal(conv1 + conv2 + fc1 + fc2, analysis.TrainableParameters);
        Assert.Equal(1_199_882, analysis.TrainableParameters);
    }

    [Fact]
    public void Should_CountFlopsByHand_When_SmallCnn28()
    {
        var analysis = ModelSpecReader.ReadFile(RepoPaths.Workload("small-cnn-28")).Analysis!;

        // A multiply-add is 2 FLOPs; bias adds, ReLUs and pooling comparisons are 1 per element.
        long conv1 = 2L * 9 * 32 * 26 * 26 + 32 * 26 * 26, relu1 = 32 * 26 * 26;
        long conv2 = 2L * 288 * 64 * 24 * 24 + 64 * 24 * 24, relu2 = 64 * 24 * 24;
        long pool = 4L * 64 * 12 * 12, fc1 = 2L * 9216 * 128 + 128, relu3 = 128, fc2 = 2L * 128 * 10 + 10;
        var expected = conv1 + relu1 + conv2 + relu2 + pool + fc1 + relu3 + fc2;
        Assert.Equal(expected, analysis.ForwardFlopsPerExample);
        Assert.Equal(3 * expected, analysis.TrainingFlopsPerExample);
    }

    [Fact]
    public void Should_GrowLinearlyWithDepth_When_DepthFamily()
    {
        var depth2 = ModelSpecReader.ReadFile(RepoPaths.Workload("depth"), 2).Analysis!;
        var depth4 = ModelSpecReader.ReadFile(RepoPaths.Workload("depth"), 4).Analysis!;
        var depth8 = ModelSpecReader.ReadFile(RepoPaths.Workload("depth"), 8).Analysis!;

        var perBlock = (depth4.ForwardFlopsPerExample - depth2.ForwardFlopsPerExample) / 2;
        Assert.True(perBlock > 0);
        Assert.Equal(4 * perBlock, depth8.ForwardFlopsPerExample - depth4.ForwardFlopsPerExample);
        // One block on 16x14x14: two 3x3 convs (no bias), two batch norms (2 per element), the ReLU inside the body,
        // then the residual addition and the ReLU after it.
        const long elements = 16 * 14 * 14;
        Assert.Equal(2 * (2L * 144 * elements) + 2 * (2 * elements) + elements + 2 * elements, perBlock);
    }

    [Fact]
    public void Should_NameParametersCanonically_When_ResidualWithProjection()
    {
        var json = ModelSpecReaderTests.Spec("""
            {"type":"conv2d","out":8,"kernel":3,"padding":1},
            {"type":"residual","shortcut":"projection","body":[{"type":"conv2d","out":16,"kernel":3,"stride":2,"padding":1,"bias":false},{"type":"batchnorm2d"}]},
            {"type":"globalavgpool"}, {"type":"linear","out":10}
            """);

        var analysis = ModelSpecReader.Read(json, "projection.json").Analysis!;

        Assert.Equal(
        [
            "layers.0.weight", "layers.0.bias",
            "layers.1.body.0.weight",
            "layers.1.body.1.weight", "layers.1.body.1.bias", "layers.1.body.1.running_mean", "layers.1.body.1.running_var",
            "layers.1.shortcut.conv.weight",
            "layers.1.shortcut.bn.weight", "layers.1.shortcut.bn.bias", "layers.1.shortcut.bn.running_mean", "layers.1.shortcut.bn.running_var",
            "layers.3.weight", "layers.3.bias",
        ], analysis.ParameterLayout.Select(p => p.Name));
        Assert.Equal([16, 8, 1, 1], analysis.ParameterLayout.Single(p => p.Name == "layers.1.shortcut.conv.weight").Shape);
        Assert.Equal("16x14x14", analysis.Layers[1].OutputShape.ToString());
    }

    [Fact]
    public void Should_EstimateMoreMemory_When_BatchGrows()
    {
        var analysis = ModelSpecReader.ReadFile(RepoPaths.Workload("cnn-64")).Analysis!;

        Assert.True(analysis.EstimatedTrainingBytes(128) > analysis.EstimatedTrainingBytes(64));
        Assert.True(analysis.EstimatedTrainingBytes(64) > 4 * analysis.TrainableParameters);
    }
}
