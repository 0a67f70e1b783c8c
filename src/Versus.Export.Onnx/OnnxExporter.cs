using System.Reflection;
using Google.Protobuf;
using Onnx;
using Versus.Core.Models;
using Versus.Core.Models.Graphs;
using Versus.Core.Weights;
using Versus.Export.Onnx.Graph;

namespace Versus.Export.Onnx;

/// <summary>
/// Writes a workload spec (its graph, nodes in dependency order) with a weight set (canonical PyTorch layout) as an ONNX model for inference: input
/// "input" float32 [batch, C, H, W] with pixels scaled to [0, 1] as every engine does, output "logits" [batch, classes].
/// Built as protobuf messages (OnnxSharp's generated ONNX types), so the file is exactly what onnx.proto describes.
/// </summary>
public static class OnnxExporter
{
    /// <summary>IR version 8 is the one that introduced opset 17; older readers accept it, newer ones read it unchanged.</summary>
    public const long IrVersion = 8;

    public static ModelProto Export(ModelSpec spec, WeightSet weights, OnnxExportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(weights);
        options ??= OnnxExportOptions.Default;
        var analysis = ModelAnalysis.Analyze(spec);
        if (analysis.Errors.Count > 0 || analysis.Nodes.Count == 0)
            throw new OnnxExportException($"The spec {spec.Id} is not valid: {string.Join("; ", analysis.Errors.Select(e => e.ToString()))}");

        var builder = new GraphBuilder(weights);
        var emitter = new NodeEmitter(builder);
        var values = new Dictionary<string, string>(StringComparer.Ordinal) { [GraphSpec.InputName] = options.InputName };
        foreach (var node in analysis.Nodes)
            values[node.Name] = emitter.Emit(node, [.. node.Node.Inputs.Select(i => values[i])]);
        var value = values[spec.Graph.Output];
        var unused = builder.UnusedWeights().ToList();
        if (unused.Count > 0)
            throw new OnnxExportException($"The weight set has tensors the spec {spec.Id} does not use: {string.Join(", ", unused)}.");

        var graph = builder.Graph;
        graph.Name = spec.Id;
        RenameFinalOutput(graph, value, options.OutputName);
        graph.Input.Add(ValueInfos.Float(options.InputName, options.BatchDimension, spec.Input.Channels, spec.Input.Height, spec.Input.Width));
        graph.Output.Add(ValueInfos.Float(options.OutputName, options.BatchDimension, spec.Classes));

        var model = new ModelProto
        {
            IrVersion = IrVersion,
            ProducerName = "versus",
            ProducerVersion = ProducerVersion,
            DocString = $"{spec.Id}: {spec.Description}",
            Graph = graph,
        };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = "", Version = options.Opset });
        foreach (var (key, metadata) in weights.Metadata)
            model.MetadataProps.Add(new StringStringEntryProto { Key = $"weights.{key}", Value = metadata });
        return model;
    }

    public static byte[] ExportBytes(ModelSpec spec, WeightSet weights, OnnxExportOptions? options = null) =>
        Export(spec, weights, options).ToByteArray();

    public static void ExportFile(ModelSpec spec, WeightSet weights, string path, OnnxExportOptions? options = null)
    {
        using var file = File.Create(path);
        Export(spec, weights, options).WriteTo(file);
    }

    /// <summary>The last node writes the graph output directly, so no Identity node costs a copy at run time.</summary>
    private static void RenameFinalOutput(GraphProto graph, string value, string outputName)
    {
        var last = graph.Node.LastOrDefault(n => n.Output.Contains(value))
            ?? throw new OnnxExportException("The spec produced no operations; a network needs at least one node.");
        last.Output[last.Output.IndexOf(value)] = outputName;
    }

    private static string ProducerVersion =>
        typeof(OnnxExporter).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0";
}
