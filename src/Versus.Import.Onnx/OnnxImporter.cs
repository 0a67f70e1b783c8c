using System.Globalization;
using System.Text;
using Onnx;
using Versus.Core.Models;
using Versus.Core.Validation;
using Versus.Core.Weights;
using Versus.Import.Onnx.Mapping;
using Versus.Import.Onnx.Reading;

namespace Versus.Import.Onnx;

/// <summary>
/// Reads an .onnx file (OnnxSharp's generated ONNX protobuf types) as a graph spec with its weights (docs/import.md):
/// initializers, Identity, Constant and shape-only subgraphs folded, each remaining node mapped to a spec operation,
/// names taken from the exporter's module scopes, input shape and class count from the graph, training settings from
/// <see cref="TrainingSideFile"/>. Every problem with the file is one <see cref="ValidationError"/> naming it.
/// </summary>
public static class OnnxImporter
{
    public const string Extension = ".onnx";

    public static bool IsOnnxPath(string path) => path.EndsWith(Extension, StringComparison.OrdinalIgnoreCase);

    public static (ImportedModel? Model, IReadOnlyList<ValidationError> Errors) TryImport(string path, OnnxImportOptions? options = null) =>
        Guarded(path, () => Map(OnnxModelFile.Read(path, options ?? OnnxImportOptions.Default), path));

    /// <summary>Imports an already parsed model; <paramref name="path"/> names it in messages and locates its training side file.</summary>
    internal static (ImportedModel? Model, IReadOnlyList<ValidationError> Errors) TryImport(ModelProto model, string path) =>
        Guarded(path, () => Map(OnnxModelFile.Check(model), path));

    private static (ImportedModel? Model, IReadOnlyList<ValidationError> Errors) Guarded(string path,
        Func<(ImportedModel? Model, IReadOnlyList<ValidationError> Errors)> import)
    {
        try
        {
            return import();
        }
        catch (OnnxImportException e)
        {
            return (null, [new ValidationError(path, "", e.Message)]);
        }
    }

    private static (ImportedModel? Model, IReadOnlyList<ValidationError> Errors) Map(ModelProto model, string path)
    {
        var imported = GraphImporter.Import(model);
        var settings = TrainingSideFile.Read(path);
        if (settings.Errors.Count > 0) return (null, settings.Errors);
        var producer = $"{model.ProducerName} {model.ProducerVersion}".Trim();
        var opset = OnnxModelFile.Opset(model);
        var id = settings.Id ?? IdFrom(path);
        var description = settings.Description
            ?? $"{Path.GetFileName(path)} imported from ONNX ({(producer.Length > 0 ? producer + ", " : "")}opset {opset})";
        var spec = new ModelSpec(id, description, imported.Input, imported.Classes, [], settings.Training, settings.ThroughputBatchSize,
            path) { Graph = imported.Graph };
        var analysis = ModelAnalysis.Analyze(spec);
        if (analysis.Errors.Count > 0) return (null, analysis.Errors);
        var weights = Weights(analysis, imported, spec.Id, path);
        return (new ImportedModel(spec, analysis, weights, producer, opset, imported.FixedBatch), []);
    }

    /// <summary>The file's tensors in the spec's canonical order; each must have exactly the layout's shape.</summary>
    private static WeightSet Weights(ModelAnalysis analysis, ImportedGraph imported, string id, string path)
    {
        var tensors = new List<NamedTensor>(analysis.ParameterLayout.Count);
        foreach (var p in analysis.ParameterLayout)
        {
            if (!imported.Parameters.TryGetValue(p.Name, out var tensor))
                throw new OnnxImportException($"has no tensor for parameter '{p.Name}'");
            if (!tensor.Shape.SequenceEqual(p.Shape))
                throw new OnnxImportException($"has parameter '{p.Name}' of shape [{string.Join(", ", tensor.Shape)}] where the graph needs [{string.Join(", ", p.Shape)}]");
            tensors.Add(tensor);
        }
        var metadata = new Dictionary<string, string>
        {
            ["format"] = "versus-canonical-v1",
            ["layout"] = "NCHW activations, OIHW conv weights, [out,in] linear weights",
            ["workload"] = id,
            ["initializer"] = $"imported from {Path.GetFileName(path)}",
        };
        return new WeightSet(tensors, metadata);
    }

    /// <summary>A workload id from the file name: lower-case letters, digits and '-' ("ResNet_18.onnx" -> "resnet-18").</summary>
    public static string IdFrom(string path)
    {
        var builder = new StringBuilder();
        foreach (var c in Path.GetFileNameWithoutExtension(path).ToLower(CultureInfo.InvariantCulture))
            builder.Append(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) ? c : '-');
        var id = string.Join('-', builder.ToString().Split('-', StringSplitOptions.RemoveEmptyEntries));
        return id.Length > 0 ? id : "imported";
    }
}
