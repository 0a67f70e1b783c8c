using Onnx;
using Versus.Import.Onnx.Reading;

namespace Versus.Import.Onnx.Mapping;

/// <summary>
/// Evaluates the operations exporters use to compute shapes (x.view(x.size(0), -1) becomes Shape, Gather, Unsqueeze,
/// Concat and Reshape) and constants (Constant, Cast), so that what reaches the graph is a plain flatten. Only small
/// integer vectors and float tensors are computed; the symbolic batch size travels as <see cref="Constant.BatchDimension"/>.
/// </summary>
internal static class ConstantFolding
{
    public static readonly string[] Operations = ["Constant", "Identity", "Shape", "Gather", "Unsqueeze", "Squeeze", "Concat", "Cast", "Reshape"];

    public static Constant FromConstantNode(NodeAttributes attributes, string describe)
    {
        if (attributes.Tensor("value") is { } tensor) return TensorReader.Read(tensor, describe);
        if (attributes.Has("value_float")) return Constant.Float([], [attributes.Float("value_float", 0)]);
        if (attributes.Floats("value_floats") is { } floats) return Constant.Float([floats.Length], floats);
        if (attributes.Has("value_int")) return Constant.Ints([], [attributes.Int("value_int", 0)]);
        if (attributes.Ints("value_ints") is { } ints) return Constant.Vector(ints);
        throw new OnnxImportException($"{describe} has no numeric value (value, value_float(s) or value_int(s))");
    }

    /// <summary>Shape of an activation: the batch size (symbolic or fixed) then the per-example dimensions.</summary>
    public static Constant ShapeOf(long[] dims, long batch, NodeAttributes attributes)
    {
        long[] full = [batch, .. dims];
        var start = Clamp(attributes.Int("start", 0), full.Length);
        var end = Clamp(attributes.Int("end", full.Length), full.Length);
        return Constant.Vector(full[(int)start..(int)Math.Max(start, end)]);
    }

    public static Constant Gather(Constant data, Constant indices, long axis, string describe)
    {
        if (data.Shape.Length != 1 || axis != 0)
            throw new OnnxImportException($"{describe} gathers from a tensor of shape [{string.Join(", ", data.Shape)}] on axis {axis}; only a 1-D shape vector is folded");
        var values = data.AsIntegers();
        var picked = indices.AsIntegers().Select(i => i < 0 ? i + values.Length : i).ToArray();
        if (picked.Any(i => i < 0 || i >= values.Length))
            throw new OnnxImportException($"{describe} has an index outside its {values.Length} values");
        return Constant.Ints(indices.Shape, [.. picked.Select(i => values[i])]);
    }

    public static Constant Unsqueeze(Constant data, long[] axes)
    {
        var rank = data.Shape.Length + axes.Length;
        var normalized = axes.Select(a => a < 0 ? a + rank : a).ToHashSet();
        var shape = new List<long>();
        var source = 0;
        for (var i = 0; i < rank; i++) shape.Add(normalized.Contains(i) ? 1 : data.Shape[source++]);
        return data with { Shape = [.. shape] };
    }

    public static Constant Squeeze(Constant data, long[]? axes)
    {
        var rank = data.Shape.Length;
        var drop = axes?.Select(a => a < 0 ? a + rank : a).ToHashSet();
        return data with { Shape = [.. data.Shape.Where((d, i) => drop is null ? d != 1 : !drop.Contains(i))] };
    }

    public static Constant Concat(IReadOnlyList<Constant> parts, long axis, string describe)
    {
        if (parts.Any(p => p.Shape.Length != 1) || axis is not (0 or -1))
            throw new OnnxImportException($"{describe} concatenates constants that are not 1-D vectors; only shape vectors are folded");
        if (parts.All(p => p.IsFloat)) return Constant.Float([parts.Sum(p => p.Elements)], [.. parts.SelectMany(p => p.Floats!)]);
        return Constant.Vector([.. parts.SelectMany(p => p.AsIntegers())]);
    }

    /// <summary>ONNX Cast's "to": 1 float, 11 double (kept as float); 6, 7 and 9 integer types.</summary>
    public static Constant Cast(Constant data, long to, string describe) => to switch
    {
        1 or 11 => Constant.Float(data.Shape, data.AsFloats()),
        6 or 7 or 9 => Constant.Ints(data.Shape, data.AsIntegers()),
        _ => throw new OnnxImportException($"{describe} casts to element type {to}; only float and integer constants are folded"),
    };

    public static Constant Reshape(Constant data, long[] target, string describe)
    {
        var shape = target.Select((d, i) => d == 0 && i < data.Shape.Length ? data.Shape[i] : d).ToArray();
        var known = shape.Where(d => d != -1).Aggregate(1L, (a, d) => a * d);
        if (shape.Count(d => d == -1) > 1 || shape.Any(d => d < -1) || known == 0)
            throw new OnnxImportException($"{describe} reshapes a constant to [{string.Join(", ", target)}], which is not a valid shape");
        shape = [.. shape.Select(d => d == -1 ? data.Elements / known : d)];
        if (shape.Aggregate(1L, (a, d) => a * d) != data.Elements)
            throw new OnnxImportException($"{describe} reshapes {data.Elements} values to [{string.Join(", ", target)}]");
        return data with { Shape = shape };
    }

    private static long Clamp(long index, int length) => Math.Clamp(index < 0 ? index + length : index, 0, length);
}
