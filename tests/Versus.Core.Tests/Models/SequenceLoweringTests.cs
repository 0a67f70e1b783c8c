using Versus.Core.Models;

namespace Versus.Core.Tests.Models;

/// <summary>
/// A shipped sequence spec means the same as the graph it is lowered to: every layer's parameters (names, order,
/// sizes) and FLOPs are what the layer-by-layer analysis gives, so weight files written before graphs still load.
/// </summary>
public sealed class SequenceLoweringTests
{
    public static TheoryData<string, int?> Workloads => new()
    {
        { "small-cnn-28", null }, { "cnn-64", null }, { "depth", 2 }, { "depth", 4 }, { "depth", 8 }, { "depth", 16 },
    };

    [Theory]
    [MemberData(nameof(Workloads))]
    public void Should_KeepEachLayersParametersAndFlops_When_ASequenceIsLoweredToAGraph(string workload, int? depth)
    {
        var spec = TestSpecs.File($"{workload}.json", depth);

        var analysis = ModelAnalysis.Analyze(spec);

        Assert.Empty(analysis.Errors);
        Assert.Equal(spec.Layers.Count, analysis.Layers.Count);
        foreach (var layer in analysis.Layers)
        {
            var prefix = $"layers.{layer.Index}";
            bool InLayer(string name) => name == prefix || name.StartsWith(prefix + ".", StringComparison.Ordinal);
            Assert.Equal(layer.Parameters, analysis.ParameterLayout.Where(p => InLayer(p.Name)).Sum(p => p.Elements));
            Assert.Equal(layer.ForwardFlops, analysis.Nodes.Where(n => InLayer(n.Name)).Sum(n => n.ForwardFlops));
        }
        Assert.Equal(analysis.Layers.Sum(l => l.ForwardFlops), analysis.ForwardFlopsPerExample);
        // Canonical order is layer order: the graph lists no parameter of a layer after one of a later layer.
        var layerOfEach = analysis.ParameterLayout.Select(p => int.Parse(p.Name.Split('.')[1], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(layerOfEach.Order(), layerOfEach);
    }

    [Fact]
    public void Should_NameDepth2sTensorsAsItsWeightFilesDo_When_Lowered()
    {
        var analysis = ModelAnalysis.Analyze(TestSpecs.File("depth.json", 2));

        static string[] Norm(string n) => [$"{n}.weight", $"{n}.bias", $"{n}.running_mean", $"{n}.running_var"];
        string[] Block(int i) => [$"layers.{i}.body.0.weight", .. Norm($"layers.{i}.body.1"), $"layers.{i}.body.3.weight", .. Norm($"layers.{i}.body.4")];
        // stem conv (no bias), batch norm, relu, two residual blocks, global pooling, linear.
        string[] expected = ["layers.0.weight", .. Norm("layers.1"), .. Block(3), .. Block(4), "layers.6.weight", "layers.6.bias"];
        Assert.Equal(expected, analysis.ParameterLayout.Select(p => p.Name));
        Assert.Equal([16, 16, 3, 3], analysis.ParameterLayout.Single(p => p.Name == "layers.4.body.3.weight").Shape);
    }
}
