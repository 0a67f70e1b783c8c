using System.Diagnostics;
using Onnx;
using Versus.Core.Models.Graphs;
using Versus.Import.Onnx.Reading;
using Versus.Import.Onnx.RoundTrip;
using Xunit.Abstractions;

namespace Versus.Import.Onnx.Tests;

/// <summary>torchvision's models, exported by PyTorch in eval and training mode, imported end to end.</summary>
[Collection(TorchvisionCollection.Name)]
public sealed class TorchvisionImportTests(TorchvisionModels models, ITestOutputHelper output)
{
    /// <summary>
    /// Trainable parameters: torchvision's published counts in training mode (batch norm kept); in eval mode batch norm
    /// is folded into the convolutions, which gain a bias of one value per channel and lose the norm's scale and shift.
    /// </summary>
    public static TheoryData<string, bool, long, int> Models => new()
    {
        { "resnet18", true, 11_689_512, 68 },
        { "resnet18", false, 11_689_512 - 9_600 + 4_800, 48 },
        { "mobilenet_v2", true, 3_504_872, 152 },
        { "mobilenet_v2", false, 3_504_872 - 2 * 17_056 + 17_056, 99 },
        { "squeezenet1_1", true, 1_235_496, 65 },
        { "squeezenet1_1", false, 1_235_496, 64 },
    };

    [SkippableTheory]
    [MemberData(nameof(Models))]
    public void Should_MapEveryLayer_When_TorchvisionModelIsImported(string model, bool training, long parameters, int nodes)
    {
        Skip.If(models.SkipReason is not null, models.SkipReason);
        var watch = Stopwatch.StartNew();
        var (imported, errors) = OnnxImporter.TryImport(models.Path(model, training));
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        output.WriteLine($"{model} {(training ? "train" : "eval")}: imported in {watch.ElapsedMilliseconds} ms, {imported!.Spec.Graph.Nodes.Count} nodes, "
            + $"{imported.Analysis.TrainableParameters:N0} parameters, {imported.Analysis.ForwardFlopsPerExample:N0} FLOPs");

        Assert.Equal(new Core.Models.ActivationShape(3, 224, 224), imported.Spec.Input);
        Assert.Equal(1000, imported.Spec.Classes);
        Assert.Null(imported.FixedBatch);
        Assert.Equal(parameters, imported.Analysis.TrainableParameters);
        Assert.Equal(nodes, imported.Spec.Graph.Nodes.Count);
        // Eval-mode export folds batch norm into the convolutions and drops dropout; training mode keeps both.
        Assert.Equal(training && model != "squeezenet1_1", imported.Spec.Graph.Nodes.Any(n => n.Op is BatchNormOp));
        Assert.Equal(training && model != "resnet18", imported.Spec.Graph.Nodes.Any(n => n.Op is DropoutOp));
        Assert.Equal(imported.Analysis.ParameterLayout.Select(p => p.Name), imported.Weights.Tensors.Select(t => t.Name));
    }

    [SkippableFact]
    public void Should_NameNodesAndWeightsAsTheStateDict_When_TrainingModeExportIsImported()
    {
        Skip.If(models.SkipReason is not null, models.SkipReason);
        var path = models.Path("resnet18", training: true);
        var (imported, _) = OnnxImporter.TryImport(path);
        Assert.Contains(imported!.Spec.Graph.Nodes, n => n.Name == "layer1.0.conv1" && n.Op is ConvOp { Groups: 1, Bias: false });
        Assert.Contains(imported.Spec.Graph.Nodes, n => n.Name == "fc" && n.Op is LinearOp { OutFeatures: 1000, Bias: true });
        // A training-mode export keeps PyTorch's parameter names on its initializers: every imported tensor is that one.
        var initializers = ModelProto.Parser.ParseFrom(File.ReadAllBytes(path)).Graph.Initializer.ToDictionary(i => i.Name);
        foreach (var tensor in imported.Weights.Tensors)
        {
            Assert.True(initializers.TryGetValue(tensor.Name, out var initializer), $"no initializer {tensor.Name}");
            var expected = TensorReader.Read(initializer, tensor.Name);
            Assert.Equal(expected.Shape.Select(d => (int)d), tensor.Shape);
            Assert.Equal(expected.Floats, tensor.Data);
        }
    }

    [SkippableTheory]
    [MemberData(nameof(Models))]
    public void Should_ReproduceTheOriginal_When_ImportIsExportedAgain(string model, bool training, long parameters, int nodes)
    {
        Skip.If(models.SkipReason is not null, models.SkipReason);
        _ = (parameters, nodes);
        var path = models.Path(model, training);
        var (imported, _) = OnnxImporter.TryImport(path);
        var result = ImportRoundTrip.Check(path, imported!);
        Skip.If(result.Problem?.Contains("export cannot write", StringComparison.Ordinal) == true,
            $"Versus' ONNX exporter does not export graph specs yet (branch graph-ts): {result.Problem}");
        output.WriteLine($"{model} {(training ? "train" : "eval")}: {result.Summary}");
        Assert.True(result.Passed, result.Problem);
    }

    [SkippableFact]
    public void Should_RefuseWithTheMaxDifference_When_TheImportedWeightsDifferFromTheFile()
    {
        Skip.If(models.SkipReason is not null, models.SkipReason);
        var path = models.Path("squeezenet1_1", training: false);
        var (imported, _) = OnnxImporter.TryImport(path);
        var bias = imported!.Weights.Tensors.Single(t => t.Name == "classifier.1.bias");
        bias.Data[3] += 0.01f;

        var result = ImportRoundTrip.Check(path, imported);

        Skip.If(result.Problem?.Contains("export cannot write", StringComparison.Ordinal) == true,
            $"Versus' ONNX exporter does not export graph specs yet (branch graph-ts): {result.Problem}");
        Assert.False(result.Passed);
        Assert.Contains("does not reproduce the original's outputs in ONNX Runtime", result.Problem);
        // The changed bias passes a ReLU and the global average: at most its 0.01, where ReLU lets it through.
        Assert.InRange(result.MaxAbsDifference!.Value, 0.001, 0.0101);
    }

    [SkippableFact]
    public void Should_ReadTheWrittenSpecBack_When_AnImportIsSavedAsJson()
    {
        Skip.If(models.SkipReason is not null, models.SkipReason);
        var (imported, _) = OnnxImporter.TryImport(models.Path("mobilenet_v2", training: true));
        var json = Core.Models.ModelSpecWriter.ToJson(imported!.Spec).ToJsonString();

        var read = Core.Models.ModelSpecReader.Read(json, "mobilenet_v2.json");

        Assert.True(read.IsValid, string.Join("\n", read.Errors));
        Assert.Equal(imported.Spec.Graph.Nodes.Select(n => (n.Name, n.Op)), read.Spec!.Graph.Nodes.Select(n => (n.Name, n.Op)));
        Assert.Equal(imported.Analysis.ParameterLayout.Select(p => p.Name), read.Analysis!.ParameterLayout.Select(p => p.Name));
    }
}
