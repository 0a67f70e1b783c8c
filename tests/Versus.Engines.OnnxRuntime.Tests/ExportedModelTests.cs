using Google.Protobuf;
using Microsoft.ML.OnnxRuntime;
using Onnx;
using Versus.Core.Weights;
using Versus.Export.Onnx;

namespace Versus.Engines.OnnxRuntime.Tests;

/// <summary>The file itself: valid protobuf, opset 17, the declared inputs and outputs, accepted by ONNX Runtime's loader.</summary>
public sealed class ExportedModelTests
{
    [Theory]
    [InlineData("small-cnn-28", 1, 28, 28)]
    [InlineData("cnn-64", 3, 64, 64)]
    [InlineData("depth-8", 1, 28, 28)]
    public void Should_DeclareOpset17AndADynamicBatch_When_Exported(string workload, int channels, int height, int width)
    {
        var spec = TestWorkloads.Spec(workload);

        var bytes = OnnxExporter.ExportBytes(spec, TestWorkloads.Weights(spec));

        var model = ModelProto.Parser.ParseFrom(bytes);
        Assert.Equal(OnnxExporter.IrVersion, model.IrVersion);
        var opset = Assert.Single(model.OpsetImport);
        Assert.Equal(("", 17L), (opset.Domain, opset.Version));
        var input = Assert.Single(model.Graph.Input);
        Assert.Equal("input", input.Name);
        Assert.Equal(["batch", "", "", ""], input.Type.TensorType.Shape.Dim.Select(d => d.DimParam));
        Assert.Equal([0L, channels, height, width], input.Type.TensorType.Shape.Dim.Select(d => d.DimValue));
        var output = Assert.Single(model.Graph.Output);
        Assert.Equal("logits", output.Name);
        Assert.Equal(ModelAnalysisTensorNames(spec), model.Graph.Initializer.Select(t => t.Name).Order());

        using var session = new InferenceSession(bytes);
        Assert.Equal([-1, channels, height, width], session.InputMetadata["input"].Dimensions);
        Assert.Equal([-1, spec.Classes], session.OutputMetadata["logits"].Dimensions);
    }

    [Fact]
    public void Should_LoadFromDisk_When_WrittenAsAFile()
    {
        var spec = TestWorkloads.Spec("small-cnn-28");
        var path = Path.Combine(Path.GetTempPath(), $"versus-export-{Guid.NewGuid():N}.onnx");
        try
        {
            OnnxExporter.ExportFile(spec, TestWorkloads.Weights(spec), path);

            using var session = new InferenceSession(path);
            Assert.Equal(["logits"], session.OutputNames);
            Assert.True(new FileInfo(path).Length > 4 * ModelAnalysisParameterCount(spec), "the weights are stored in the file");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Should_MapLinearToGemmWithTransposedWeights_When_Exported()
    {
        var spec = TestWorkloads.Spec("small-cnn-28");

        var graph = OnnxExporter.Export(spec, TestWorkloads.Weights(spec)).Graph;

        var gemms = graph.Node.Where(n => n.OpType == "Gemm").ToList();
        Assert.Equal(2, gemms.Count);
        Assert.All(gemms, g => Assert.Equal(1L, g.Attribute.Single(a => a.Name == "transB").I));
        Assert.Equal(["Conv", "Relu", "Conv", "Relu", "MaxPool", "Flatten", "Gemm", "Relu", "Gemm"], graph.Node.Select(n => n.OpType));
        Assert.Equal("logits", graph.Node[^1].Output.Single());
    }

    [Fact]
    public void Should_RefuseTheWeights_When_ATensorHasTheWrongShape()
    {
        var spec = TestWorkloads.Spec("small-cnn-28");
        var weights = TestWorkloads.Weights(spec);
        var broken = weights with { Tensors = [.. weights.Tensors.Select(t => t.Name == "layers.6.weight" ? new NamedTensor(t.Name, [128, 10], new float[1280]) : t)] };

        var error = Assert.Throws<OnnxExportException>(() => OnnxExporter.Export(spec, broken));

        Assert.Contains("layers.6.weight", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_NameTheMissingTensor_When_TheWeightSetLacksOne()
    {
        var spec = TestWorkloads.Spec("cnn-64");
        var weights = TestWorkloads.Weights(spec);
        var partial = weights with { Tensors = [.. weights.Tensors.Where(t => t.Name != "layers.5.running_var")] };

        var error = Assert.Throws<OnnxExportException>(() => OnnxExporter.Export(spec, partial));

        Assert.Contains("no tensor 'layers.5.running_var'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_RefuseTheWeights_When_TheyHoldATensorTheSpecLacks()
    {
        var spec = TestWorkloads.Spec("depth-2");
        var weights = TestWorkloads.Weights(spec);
        var extra = weights with { Tensors = [.. weights.Tensors, new NamedTensor("layers.9.weight", [10, 16], new float[160])] };

        var error = Assert.Throws<OnnxExportException>(() => OnnxExporter.Export(spec, extra));

        Assert.Contains("does not use: layers.9.weight", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_WriteIdenticalBytes_When_ExportedTwice()
    {
        var spec = TestWorkloads.Spec("depth-2");
        var weights = TestWorkloads.Weights(spec);

        Assert.Equal(OnnxExporter.ExportBytes(spec, weights), OnnxExporter.Export(spec, weights).ToByteArray());
    }

    private static IEnumerable<string> ModelAnalysisTensorNames(Versus.Core.Models.ModelSpec spec) =>
        Versus.Core.Models.ModelAnalysis.Analyze(spec).ParameterLayout.Select(p => p.Name).Order();

    private static long ModelAnalysisParameterCount(Versus.Core.Models.ModelSpec spec) =>
        Versus.Core.Models.ModelAnalysis.Analyze(spec).ParameterLayout.Sum(p => p.Elements);
}
