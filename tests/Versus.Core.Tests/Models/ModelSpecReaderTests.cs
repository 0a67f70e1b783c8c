using Versus.Core.Models;

namespace Versus.Core.Tests.Models;

public sealed class ModelSpecReaderTests
{
    [Theory]
    [InlineData("small-cnn-28", null, "small-cnn-28")]
    [InlineData("cnn-64", null, "cnn-64")]
    [InlineData("depth", 2, "depth-2")]
    [InlineData("depth", 16, "depth-16")]
    public void Should_ReadShippedWorkload_When_FileIsValid(string file, int? n, string expectedId)
    {
        var result = ModelSpecReader.ReadFile(RepoPaths.Workload(file), n);

        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        Assert.Equal(expectedId, result.Spec!.Id);
        Assert.Equal(10, result.Spec.Classes);
    }

    [Fact]
    public void Should_ExpandRepeat_When_FamilyParameterIsGiven()
    {
        var spec = ModelSpecReader.ReadFile(RepoPaths.Workload("depth"), 8).Spec!;

        Assert.Equal(8, spec.Layers.OfType<ResidualLayer>().Count());
    }

    [Fact]
    public void Should_DeclareSweep_When_FamilySpec()
    {
        Assert.Equal([2, 4, 8, 16], ModelSpecReader.FamilySweep(File.ReadAllText(RepoPaths.Workload("depth"))));
    }

    [Theory]
    [InlineData("""{"type":"conv3d","out":4,"kernel":3}""", "$.layers[0].type", "allowed: conv2d, batchnorm2d")]
    [InlineData("""{"type":"conv2d","kernel":3}""", "$.layers[0].out", "is missing")]
    [InlineData("""{"type":"conv2d","out":"many","kernel":3}""", "$.layers[0].out", "names parameter 'many'")]
    [InlineData("""{"type":"conv2d","out":0,"kernel":3}""", "$.layers[0].out", "allowed: 1 to")]
    [InlineData("""{"type":"conv2d","out":4,"kernel":3,"dilation":2}""", "$.layers[0].dilation", "is not a known field")]
    [InlineData("""{"type":"residual","body":[{"type":"conv2d","out":8,"kernel":3}]}""", "$.layers[0]", "identity shortcut")]
    [InlineData("""{"type":"conv2d","out":4,"kernel":40}""", "$.layers[0]", "does not fit its 1x28x28 input")]
    [InlineData("""{"type":"linear","out":10}""", "$.layers[0]", "needs a flat input")]
    public void Should_NameFileAndPath_When_LayerIsInvalid(string layer, string path, string message)
    {
        var json = Spec(layer + """, {"type":"flatten"}, {"type":"linear","out":10}""");

        var result = ModelSpecReader.Read(json, "bad.json");

        Assert.False(result.IsValid);
        var error = Assert.Single(result.Errors, e => e.Location == path);
        Assert.Equal("bad.json", error.Source);
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void Should_ReportLineNumber_When_JsonIsMalformed()
    {
        var result = ModelSpecReader.Read("{\n  \"id\": \"x\",\n  \"layers\": [ oops ]\n}", "broken.json");

        var error = Assert.Single(result.Errors);
        Assert.Equal("broken.json", error.Source);
        Assert.Contains("line 3", error.Message);
    }

    [Fact]
    public void Should_RequireClassCountOutputs_When_LastLayerIsWrong()
    {
        var result = ModelSpecReader.Read(Spec("""{"type":"flatten"}, {"type":"linear","out":7}"""), "bad.json");

        Assert.Contains(result.Errors, e => e.Message.Contains("must output 10 values"));
    }

    [Fact]
    public void Should_ReportEveryProblem_When_SeveralFieldsAreWrong()
    {
        var json = """{"id":"Bad Id","input":{"channels":1,"height":28},"classes":1,"training":{"optimizer":"rmsprop","learningRate":0.1,"batchSize":8,"epochs":1},"layers":[{"type":"flatten"},{"type":"linear","out":1}]}""";

        var result = ModelSpecReader.Read(json, "many.json");

        Assert.Contains(result.Errors, e => e.Location == "$.id");
        Assert.Contains(result.Errors, e => e.Location == "$.input.width");
        Assert.Contains(result.Errors, e => e.Location == "$.classes");
        Assert.Contains(result.Errors, e => e.Location == "$.training.optimizer" && e.Message.Contains("allowed: sgd, adam"));
    }

    [Fact]
    public void Should_RoundTrip_When_WrittenInCanonicalForm()
    {
        var original = ModelSpecReader.ReadFile(RepoPaths.Workload("depth"), 4).Spec!;

        var again = ModelSpecReader.Read(ModelSpecWriter.ToJson(original).ToJsonString(), "canonical").Spec!;

        Assert.Equal(original.Id, again.Id);
        Assert.Equal(original.Training, again.Training);
        Assert.Equal(original.Layers.Count, again.Layers.Count);
        Assert.Equal(ModelAnalysis.Analyze(original).ParameterLayout.Select(p => p.Name), ModelAnalysis.Analyze(again).ParameterLayout.Select(p => p.Name));
    }

    internal static string Spec(string layers) => $$"""
        {
          "id": "test-spec",
          "input": { "channels": 1, "height": 28, "width": 28 },
          "classes": 10,
          "training": { "optimizer": "sgd", "learningRate": 0.1, "momentum": 0.9, "batchSize": 8, "epochs": 1 },
          "layers": [ {{layers}} ]
        }
        """;
}
