using Onnx;

namespace Versus.Export.Onnx.Graph;

/// <summary>Graph input and output declarations: float32 tensors whose first dimension is symbolic (any batch size).</summary>
internal static class ValueInfos
{
    public static ValueInfoProto Float(string name, string batchDimension, params int[] dimensions)
    {
        var shape = new TensorShapeProto();
        shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimParam = batchDimension });
        foreach (var d in dimensions) shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimValue = d });
        return new ValueInfoProto
        {
            Name = name,
            Type = new TypeProto
            {
                TensorType = new TypeProto.Types.Tensor { ElemType = (int)TensorProto.Types.DataType.Float, Shape = shape },
            },
        };
    }
}
