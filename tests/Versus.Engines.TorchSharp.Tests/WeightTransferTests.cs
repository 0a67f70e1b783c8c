using Versus.Core.Models;

namespace Versus.Engines.TorchSharp.Tests;

/// <summary>The shared weights go in and come out exactly, which proves every canonical name and shape maps to TorchSharp.</summary>
public sealed class WeightTransferTests
{
    public static TheoryData<string> Workloads => new() { "small-cnn-28", "cnn-64", "depth-4", "projection" };

    [Theory]
    [MemberData(nameof(Workloads))]
    public void Should_ExportExactlyTheLoadedWeights_When_NothingWasTrained(string workload)
    {
        var spec = Spec(workload);
        var weights = TestWorkloads.Weights(spec);
        using var engine = TestWorkloads.Prepared(spec, weights, TestWorkloads.Data(spec, train: 4, test: 4));

        var exported = engine.ExportWeights();

        var layout = ModelAnalysis.Analyze(spec).ParameterLayout;
        Assert.Equal(layout.Select(p => p.Name), exported.Tensors.Select(t => t.Name));
        for (var i = 0; i < layout.Count; i++)
        {
            Assert.Equal(weights.Tensors[i].Shape, exported.Tensors[i].Shape);
            Assert.Equal(weights.Tensors[i].Data, exported.Tensors[i].Data);
        }
    }

    [Fact]
    public void Should_ChangeEveryTrainableTensorAndKeepNames_When_Trained()
    {
        var spec = Spec("projection");
        var weights = TestWorkloads.Weights(spec);
        using var engine = TestWorkloads.Prepared(spec, weights, TestWorkloads.Data(spec, train: 16, test: 4));

        engine.TrainStep([0, 1, 2, 3, 4, 5, 6, 7]);
        var trained = engine.ExportWeights();

        var layout = ModelAnalysis.Analyze(spec).ParameterLayout;
        Assert.Equal(layout.Select(p => p.Name), trained.Tensors.Select(t => t.Name));
        // Every tensor moves: Adam moves every trained parameter, and a training forward pass updates running statistics.
        Assert.All(layout, p => Assert.NotEqual(weights[p.Name].Data, trained[p.Name].Data));
    }

    [Fact]
    public void Should_PredictAndResetToTheLoadedState_When_AnotherStateIsLoaded()
    {
        var spec = Spec("depth-4");
        var initial = TestWorkloads.Weights(spec);
        var data = TestWorkloads.Data(spec, train: 16, test: 4);
        using var trainer = TestWorkloads.Prepared(spec, initial, data);
        trainer.TrainStep([0, 1, 2, 3, 4, 5, 6, 7]);
        var trained = trainer.ExportWeights();
        using var engine = TestWorkloads.Prepared(spec, initial, data);

        engine.LoadWeights(trained);
        var loaded = engine.Predict([0, 1, 2, 3]);
        engine.TrainStep([8, 9, 10, 11]);
        engine.Reset();

        Assert.Equal(trainer.Predict([0, 1, 2, 3]), loaded);
        Assert.Equal(loaded, engine.Predict([0, 1, 2, 3]));
    }

    [Fact]
    public void Should_KeepItsState_When_AskedToLoadAFileThatDoesNotFit()
    {
        var spec = Spec("depth-4");
        using var engine = TestWorkloads.Prepared(spec, TestWorkloads.Weights(spec), TestWorkloads.Data(spec, train: 4, test: 4));
        var before = engine.Predict([0, 1]);
        var other = TestWorkloads.Weights(TestSpecs.File("depth.json", 2));

        Assert.Throws<ArgumentException>(() => engine.LoadWeights(other));

        Assert.Equal(before, engine.Predict([0, 1]));
    }

    private static ModelSpec Spec(string workload) => workload switch
    {
        "depth-4" => TestSpecs.File("depth.json", 4),
        "projection" => TestSpecs.Inline(InlineSpecs.Projection),
        _ => TestSpecs.File($"{workload}.json"),
    };
}
