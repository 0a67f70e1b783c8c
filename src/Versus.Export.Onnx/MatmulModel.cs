using Google.Protobuf;
using Onnx;

namespace Versus.Export.Onnx;

/// <summary>
/// A one-node ONNX model, C = MatMul(A, B) on n x n float32 inputs: what an ONNX runtime times to find its own
/// matrix-product peak, next to the same product in the other engines.
/// </summary>
public static class MatmulModel
{
    public const string Left = "a";
    public const string Right = "b";
    public const string Product = "c";

    public static byte[] Bytes(int n)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        var graph = new GraphProto { Name = $"matmul-{n}" };
        var node = new NodeProto { OpType = "MatMul", Name = "matmul" };
        node.Input.Add(Left);
        node.Input.Add(Right);
        node.Output.Add(Product);
        graph.Node.Add(node);
        graph.Input.Add(Square(Left, n));
        graph.Input.Add(Square(Right, n));
        graph.Output.Add(Square(Product, n));
        var model = new ModelProto { IrVersion = OnnxExporter.IrVersion, ProducerName = "versus", Graph = graph };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = "", Version = OnnxExportOptions.DefaultOpset });
        return model.ToByteArray();
    }

    private static ValueInfoProto Square(string name, int n)
    {
        var shape = new TensorShapeProto();
        shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimValue = n });
        shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimValue = n });
        return new ValueInfoProto
        {
            Name = name,
            Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)TensorProto.Types.DataType.Float, Shape = shape } },
        };
    }
}
