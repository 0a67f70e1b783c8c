using Onnx;
using DataType = Onnx.TensorProto.Types.DataType;

namespace Versus.Import.Onnx.Reading;

/// <summary>
/// Decodes a TensorProto (raw little-endian bytes or the typed repeated fields) and checks that its data holds exactly
/// as many values as its dimensions say: a damaged or hand-edited initializer is refused by name.
/// </summary>
internal static class TensorReader
{
    public static Constant Read(TensorProto tensor, string what)
    {
        if (tensor.DataLocation == TensorProto.Types.DataLocation.External || tensor.ExternalData.Count > 0)
            throw new OnnxImportException($"{what} keeps its data in an external file; save the model with its weights inside (onnx.save(model, path, save_as_external_data=False))");
        var shape = tensor.Dims.ToArray();
        if (shape.Any(d => d < 0))
            throw new OnnxImportException($"{what} has a negative dimension [{string.Join(", ", shape)}]");
        long expected;
        try
        {
            expected = shape.Aggregate(1L, (a, d) => checked(a * d));
        }
        catch (OverflowException e)
        {
            throw new OnnxImportException($"{what} has dimensions [{string.Join(", ", shape)}] whose product overflows", e);
        }
        var type = (DataType)tensor.DataType;
        var raw = tensor.RawData.Span;
        var constant = type switch
        {
            DataType.Float => Constant.Float(shape, raw.Length > 0 ? Floats(raw, expected, what) : [.. tensor.FloatData]),
            DataType.Double => Constant.Float(shape, raw.Length > 0
                ? Array.ConvertAll(Values<double>(raw, expected, what), v => (float)v)
                : Array.ConvertAll(tensor.DoubleData.ToArray(), v => (float)v)),
            DataType.Int64 => Constant.Ints(shape, raw.Length > 0 ? Values<long>(raw, expected, what) : [.. tensor.Int64Data]),
            DataType.Int32 => Constant.Ints(shape, raw.Length > 0
                ? Array.ConvertAll(Values<int>(raw, expected, what), v => (long)v)
                : Array.ConvertAll(tensor.Int32Data.ToArray(), v => (long)v)),
            DataType.Bool => Constant.Ints(shape, raw.Length > 0
                ? Array.ConvertAll(Values<byte>(raw, expected, what), v => (long)v)
                : Array.ConvertAll(tensor.Int32Data.ToArray(), v => (long)v)),
            _ => throw new OnnxImportException($"{what} has element type {type}; supported: float, double, int64, int32, bool"),
        };
        var count = constant.Floats?.LongLength ?? constant.Integers!.LongLength;
        if (count != expected)
            throw new OnnxImportException($"{what} has {count:N0} values but its shape [{string.Join(", ", shape)}] needs {expected:N0}");
        return constant;
    }

    private static float[] Floats(ReadOnlySpan<byte> raw, long expected, string what) => Values<float>(raw, expected, what);

    private static T[] Values<T>(ReadOnlySpan<byte> raw, long expected, string what) where T : unmanaged
    {
        var size = System.Runtime.CompilerServices.Unsafe.SizeOf<T>();
        if (raw.Length % size != 0 || raw.Length / size != expected)
            throw new OnnxImportException($"{what} has {raw.Length:N0} bytes of data but its shape needs {expected:N0} values of {size} bytes ({expected * size:N0} bytes)");
        var values = new T[expected];
        System.Runtime.InteropServices.MemoryMarshal.Cast<byte, T>(raw).CopyTo(values);
        if (!BitConverter.IsLittleEndian && size > 1)
            throw new OnnxImportException("big-endian machines are not supported by the ONNX importer");
        return values;
    }
}
