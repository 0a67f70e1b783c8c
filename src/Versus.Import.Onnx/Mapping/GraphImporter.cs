using Onnx;
using Versus.Core.Models;
using Versus.Core.Models.Graphs;
using Versus.Core.Weights;
using Versus.Import.Onnx.Reading;

namespace Versus.Import.Onnx.Mapping;

/// <summary>
/// Reads an ONNX graph node by node in dependency order: constants and shape computations are folded, every other
/// node becomes a spec node (<see cref="Map"/>), and what is left is named, pruned to what reaches the output and
/// returned with its parameters in canonical layout.
/// </summary>
internal sealed partial class GraphImporter
{
    private const int MaxChannels = 4096;
    private const int MaxSize = 16_384;

    private sealed record Pending(NodeOp Op, List<string> Inputs, string OnnxName, Dictionary<string, NamedTensor> Parameters)
    {
        public NodeOp Op { get; set; } = Op;
    }

    private readonly GraphProto graph;
    private readonly long opset;
    private readonly Dictionary<string, Value> values = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> uses = new(StringComparer.Ordinal);
    private readonly List<Pending> nodes = [];
    private readonly HashSet<int> fromMatMul = [];
    private long batch = Constant.BatchDimension;

    private GraphImporter(GraphProto graph, long opset)
    {
        this.graph = graph;
        this.opset = opset;
    }

    public static ImportedGraph Import(ModelProto model) =>
        new GraphImporter(model.Graph, OnnxModelFile.Opset(model)).Run();

    private ImportedGraph Run()
    {
        foreach (var initializer in graph.Initializer)
            values[initializer.Name] = new Known(TensorReader.Read(initializer, $"initializer '{initializer.Name}'"));
        var input = ReadInput();
        var outputName = ReadOutput();
        var ordered = Order();
        foreach (var node in ordered)
            foreach (var name in node.Input.Where(n => n.Length > 0))
                uses[name] = uses.GetValueOrDefault(name) + 1;
        uses[outputName] = uses.GetValueOrDefault(outputName) + 1;
        for (var i = 0; i < ordered.Count; i++) Map(ordered[i], Describe(ordered[i]));

        var result = values[outputName] switch
        {
            Activation { Shape.IsFlat: true } a when a.Node != GraphSpec.InputName => a,
            Activation a => throw new OnnxImportException(
                $"output '{outputName}' has shape {string.Join(" x ", a.Dims)} per example; Versus needs a classifier's [N, classes] logits (add a flatten and a linear layer)"),
            _ => throw new OnnxImportException($"output '{outputName}' does not depend on the model's input"),
        };
        return Finish(input, result);
    }

    private ActivationShape ReadInput()
    {
        var initializers = graph.Initializer.Select(i => i.Name).ToHashSet(StringComparer.Ordinal);
        var inputs = graph.Input.Where(i => !initializers.Contains(i.Name)).ToList();
        if (inputs.Count != 1)
            throw new OnnxImportException($"has {inputs.Count} inputs ({string.Join(", ", inputs.Select(i => $"'{i.Name}'"))}); Versus imports models with exactly one input, an N x C x H x W image batch");
        var info = inputs[0];
        var tensor = info.Type?.TensorType;
        if (tensor is null || tensor.ElemType != (int)TensorProto.Types.DataType.Float)
            throw new OnnxImportException($"input '{info.Name}' is not a float32 tensor; Versus feeds float32 images");
        var dims = tensor.Shape?.Dim;
        if (dims is null || dims.Count != 4)
            throw new OnnxImportException($"input '{info.Name}' has {(dims is null ? "no shape" : $"rank {dims.Count}")}; Versus needs an N x C x H x W image batch (rank 4)");
        if (dims[0].HasDimValue && dims[0].DimValue > 0) batch = dims[0].DimValue;
        string[] axes = ["channels", "height", "width"];
        var sizes = new int[3];
        for (var i = 0; i < 3; i++)
        {
            var d = dims[i + 1];
            if (!d.HasDimValue || d.DimValue <= 0)
                throw new OnnxImportException($"input '{info.Name}' has a dynamic {axes[i]} ({(d.HasDimParam ? $"'{d.DimParam}'" : "unknown")}); Versus needs fixed channels, height and width: export with a fixed-size example input and make only the batch axis dynamic (dynamic_axes={{'{info.Name}': {{0: 'batch'}}}})");
            if (d.DimValue > (i == 0 ? MaxChannels : MaxSize))
                throw new OnnxImportException($"input '{info.Name}' has {axes[i]} {d.DimValue}; at most {(i == 0 ? MaxChannels : MaxSize)}");
            sizes[i] = (int)d.DimValue;
        }
        var shape = ActivationShape.Image(sizes[0], sizes[1], sizes[2]);
        values[info.Name] = Activation.Of(GraphSpec.InputName, shape);
        return shape;
    }

    private string ReadOutput()
    {
        if (graph.Output.Count != 1)
            throw new OnnxImportException($"has {graph.Output.Count} outputs ({string.Join(", ", graph.Output.Select(o => $"'{o.Name}'"))}); Versus imports models with exactly one output, the class logits");
        return graph.Output[0].Name;
    }

    /// <summary>The nodes in an order where every value is produced before it is read (Kahn); a cycle or an unknown input is refused.</summary>
    private List<NodeProto> Order()
    {
        var producer = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < graph.Node.Count; i++)
            foreach (var output in graph.Node[i].Output.Where(o => o.Length > 0))
                if (values.ContainsKey(output) || !producer.TryAdd(output, i))
                    throw new OnnxImportException($"{Describe(graph.Node[i])} writes '{output}', which another node or initializer already defines");
        var pending = new int[graph.Node.Count];
        var users = Enumerable.Range(0, graph.Node.Count).Select(_ => new List<int>()).ToArray();
        for (var i = 0; i < graph.Node.Count; i++)
            foreach (var input in graph.Node[i].Input.Where(n => n.Length > 0))
            {
                if (producer.TryGetValue(input, out var p))
                {
                    pending[i]++;
                    users[p].Add(i);
                }
                else if (!values.ContainsKey(input))
                    throw new OnnxImportException($"{Describe(graph.Node[i])} reads '{input}', which no node, initializer or input defines");
            }
        var ready = new Queue<int>(Enumerable.Range(0, graph.Node.Count).Where(i => pending[i] == 0));
        var ordered = new List<NodeProto>(graph.Node.Count);
        while (ready.TryDequeue(out var next))
        {
            ordered.Add(graph.Node[next]);
            foreach (var user in users[next])
                if (--pending[user] == 0) ready.Enqueue(user);
        }
        if (ordered.Count < graph.Node.Count)
        {
            var cyclic = Enumerable.Range(0, graph.Node.Count).Where(i => pending[i] > 0).Select(i => $"'{Name(graph.Node[i], i)}'").ToList();
            throw new OnnxImportException($"has a cycle through nodes {string.Join(", ", cyclic.Take(8))}{(cyclic.Count > 8 ? ", ..." : "")}; a network's nodes must form a directed acyclic graph");
        }
        if (!producer.ContainsKey(graph.Output[0].Name) && !values.ContainsKey(graph.Output[0].Name))
            throw new OnnxImportException($"output '{graph.Output[0].Name}' is produced by no node");
        return ordered;
    }

    private ImportedGraph Finish(ActivationShape input, Activation output)
    {
        // Only what reaches the output is kept (an exporter may leave dead branches, which ONNX Runtime ignores too).
        var index = nodes.Select((_, i) => i).ToDictionary(Temp);
        var live = new HashSet<int> { index[output.Node] };
        for (var i = nodes.Count - 1; i >= 0; i--)
            if (live.Contains(i))
                foreach (var source in nodes[i].Inputs.Where(index.ContainsKey)) live.Add(index[source]);
        var kept = Enumerable.Range(0, nodes.Count).Where(live.Contains).ToList();
        var names = NodeNamer.Assign([.. kept.Select(i => new NodeNamer.Request(nodes[i].OnnxName, nodes[i].Op.Kind))]);
        var rename = kept.Select((n, k) => (Temp(n), names[k])).ToDictionary(p => p.Item1, p => p.Item2);
        rename[GraphSpec.InputName] = GraphSpec.InputName;
        var specNodes = new List<GraphNode>(kept.Count);
        var parameters = new Dictionary<string, NamedTensor>(StringComparer.Ordinal);
        foreach (var (i, k) in kept.Select((n, k) => (n, k)))
        {
            var node = nodes[i];
            specNodes.Add(new GraphNode(names[k], node.Op, [.. node.Inputs.Select(n => rename[n])], $"ONNX node '{node.OnnxName}'"));
            foreach (var (suffix, tensor) in node.Parameters)
                parameters[$"{names[k]}.{suffix}"] = tensor with { Name = $"{names[k]}.{suffix}" };
        }
        return new ImportedGraph(new GraphSpec(specNodes, rename[output.Node]), input, output.Shape.Channels, parameters,
            batch == Constant.BatchDimension ? null : (int)batch);
    }

    private static string Temp(int index) => $"#{index}";

    private static string Name(NodeProto node, int index) => node.Name.Length > 0 ? node.Name : $"#{index} {node.OpType}";

    private string Describe(NodeProto node) =>
        $"node '{(node.Name.Length > 0 ? node.Name : $"#{graph.Node.IndexOf(node)}")}' ({node.OpType})";
}
