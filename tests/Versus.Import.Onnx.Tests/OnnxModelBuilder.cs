using Google.Protobuf;
using Onnx;

namespace Versus.Import.Onnx.Tests;

/// <summary>Small ONNX models built as protobuf messages (OnnxSharp's types), as an exporter would write them.</summary>
public sealed class OnnxModelBuilder
{
    private readonly GraphProto graph = new() { Name = "test" };
    private long opset = 13;
    private int counter;

    public static OnnxModelBuilder Image(int channels = 3, int height = 8, int width = 8, string batch = "batch") =>
        new OnnxModelBuilder().Input("x", Dim(batch), Dim(channels), Dim(height), Dim(width));

    public OnnxModelBuilder Opset(long version)
    {
        opset = version;
        return this;
    }

    public OnnxModelBuilder Input(string name, params TensorShapeProto.Types.Dimension[] dims)
    {
        graph.Input.Add(Info(name, dims));
        return this;
    }

    public OnnxModelBuilder Output(string name, params TensorShapeProto.Types.Dimension[] dims)
    {
        graph.Output.Add(Info(name, dims));
        return this;
    }

    public static TensorShapeProto.Types.Dimension Dim(int value) => new() { DimValue = value };

    public static TensorShapeProto.Types.Dimension Dim(string symbol) => new() { DimParam = symbol };

    /// <summary>An initializer of deterministic values (0.01 * index, alternating sign) named <paramref name="name"/>.</summary>
    public string Weight(string name, params long[] dims)
    {
        var count = dims.Aggregate(1L, (a, d) => a * d);
        return Floats(name, dims, [.. Enumerable.Range(0, (int)count).Select(i => (i % 2 == 0 ? 1 : -1) * 0.01f * (i % 17))]);
    }

    public string Floats(string name, long[] dims, float[] values)
    {
        var tensor = new TensorProto { Name = name, DataType = (int)TensorProto.Types.DataType.Float };
        tensor.Dims.AddRange(dims);
        var bytes = new byte[values.Length * 4];
        Buffer.BlockCopy(values, 0, bytes, 0, bytes.Length);
        tensor.RawData = ByteString.CopyFrom(bytes);
        graph.Initializer.Add(tensor);
        return name;
    }

    public string Ints(string name, params long[] values)
    {
        var tensor = new TensorProto { Name = name, DataType = (int)TensorProto.Types.DataType.Int64 };
        tensor.Dims.Add(values.Length);
        tensor.Int64Data.AddRange(values);
        graph.Initializer.Add(tensor);
        return name;
    }

    /// <summary>Adds a node; returns its first output's name.</summary>
    public string Node(string op, string name, string[] inputs, params AttributeProto[] attributes) =>
        NodeWithOutputs(op, name, inputs, 1, attributes)[0];

    public string[] NodeWithOutputs(string op, string name, string[] inputs, int outputs, params AttributeProto[] attributes)
    {
        var node = new NodeProto { OpType = op, Name = name };
        node.Input.AddRange(inputs);
        var names = Enumerable.Range(0, outputs).Select(i => $"v{counter++}").ToArray();
        node.Output.AddRange(names);
        node.Attribute.AddRange(attributes);
        graph.Node.Add(node);
        return names;
    }

    public GraphProto Graph => graph;

    public ModelProto Build(string output, int classes)
    {
        if (graph.Output.Count == 0) Output(output, Dim("batch"), Dim(classes));
        var model = new ModelProto { IrVersion = 7, ProducerName = "test", Graph = graph };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = "", Version = opset });
        return model;
    }

    public static AttributeProto Int(string name, long value) => new() { Name = name, Type = AttributeProto.Types.AttributeType.Int, I = value };

    public static AttributeProto Float(string name, float value) => new() { Name = name, Type = AttributeProto.Types.AttributeType.Float, F = value };

    public static AttributeProto Text(string name, string value) =>
        new() { Name = name, Type = AttributeProto.Types.AttributeType.String, S = ByteString.CopyFromUtf8(value) };

    public static AttributeProto IntList(string name, params long[] values)
    {
        var attribute = new AttributeProto { Name = name, Type = AttributeProto.Types.AttributeType.Ints };
        attribute.Ints.AddRange(values);
        return attribute;
    }

    private static ValueInfoProto Info(string name, TensorShapeProto.Types.Dimension[] dims)
    {
        var shape = new TensorShapeProto();
        shape.Dim.AddRange(dims);
        return new ValueInfoProto
        {
            Name = name,
            Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)TensorProto.Types.DataType.Float, Shape = shape } },
        };
    }
}
