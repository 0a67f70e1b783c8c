using Google.Protobuf;
using Onnx;
using Versus.Core.Weights;

namespace Versus.Export.Onnx.Graph;

/// <summary>
/// Accumulates nodes and initializers of one ONNX graph. Tensor values are named after the node that produces them
/// ("layers.3.out"), initializers keep their canonical weight names, so a graph viewer maps back to the spec.
/// </summary>
internal sealed class GraphBuilder(WeightSet weights)
{
    private readonly Dictionary<string, NamedTensor> byName = weights.Tensors.ToDictionary(t => t.Name);
    private readonly HashSet<string> usedWeights = [];

    public GraphProto Graph { get; } = new();

    public string Node(string opType, string name, IEnumerable<string> inputs, params AttributeProto[] attributes)
    {
        var output = $"{name}.out";
        var node = new NodeProto { OpType = opType, Name = name };
        node.Input.AddRange(inputs);
        node.Output.Add(output);
        node.Attribute.AddRange(attributes);
        Graph.Node.Add(node);
        return output;
    }

    /// <summary>Adds the canonical tensor <paramref name="name"/> as an initializer after checking its shape.</summary>
    public string Weight(string name, IReadOnlyList<int> expectedShape)
    {
        if (!byName.TryGetValue(name, out var tensor))
            throw new OnnxExportException($"The weight set has no tensor '{name}' that the spec needs.");
        if (!tensor.Shape.SequenceEqual(expectedShape))
            throw new OnnxExportException($"The weight set's '{name}' has shape [{string.Join(",", tensor.Shape)}], but the spec needs [{string.Join(",", expectedShape)}].");
        if (usedWeights.Add(name)) Graph.Initializer.Add(FloatTensor(name, tensor.Shape, tensor.Data));
        return name;
    }

    /// <summary>A float32 scalar initializer; <paramref name="name"/> must be unique (callers derive it from the node name).</summary>
    public string Constant(string name, float value)
    {
        Graph.Initializer.Add(FloatTensor(name, [], [value]));
        return name;
    }

    /// <summary>An int64 vector initializer (shape-like inputs such as Pad's pads); <paramref name="name"/> must be unique.</summary>
    public string Int64s(string name, long[] values)
    {
        var tensor = new TensorProto { Name = name, DataType = (int)TensorProto.Types.DataType.Int64 };
        tensor.Dims.Add(values.Length);
        tensor.Int64Data.AddRange(values);
        Graph.Initializer.Add(tensor);
        return name;
    }

    /// <summary>Weights the spec never asked for mean the weight set belongs to another network.</summary>
    public IEnumerable<string> UnusedWeights() => byName.Keys.Where(k => !usedWeights.Contains(k));

    private static TensorProto FloatTensor(string name, IReadOnlyList<int> shape, float[] data)
    {
        var tensor = new TensorProto { Name = name, DataType = (int)TensorProto.Types.DataType.Float };
        tensor.Dims.AddRange(shape.Select(d => (long)d));
        // raw_data is little-endian by the ONNX spec; packing it is far smaller and faster to parse than float_data.
        var bytes = new byte[data.Length * sizeof(float)];
        Buffer.BlockCopy(data, 0, bytes, 0, bytes.Length);
        if (!BitConverter.IsLittleEndian) ReverseEachFloat(bytes);
        tensor.RawData = ByteString.CopyFrom(bytes);
        return tensor;
    }

    private static void ReverseEachFloat(byte[] bytes)
    {
        for (var i = 0; i < bytes.Length; i += sizeof(float)) Array.Reverse(bytes, i, sizeof(float));
    }
}
