namespace Versus.Import.Onnx.Reading;

/// <summary>
/// A tensor known before the model runs (an initializer, a Constant node, or a folded shape computation): float values
/// for weights, integers for shapes, axes and indices. <see cref="BatchDimension"/> stands for the symbolic batch size
/// where a shape was read from an activation.
/// </summary>
internal sealed record Constant(long[] Shape, float[]? Floats, long[]? Integers)
{
    public const long BatchDimension = long.MinValue / 4;

    public long Elements => Shape.Aggregate(1L, (a, d) => a * d);

    public bool IsFloat => Floats is not null;

    public static Constant Ints(long[] shape, long[] values) => new(shape, null, values);

    public static Constant Float(long[] shape, float[] values) => new(shape, values, null);

    public static Constant Vector(params long[] values) => Ints([values.Length], values);

    public float[] AsFloats() => Floats ?? Array.ConvertAll(Integers!, v => (float)v);

    public long[] AsIntegers() => Integers ?? Array.ConvertAll(Floats!, v => (long)v);

    /// <summary>The single value of a scalar or one-element tensor.</summary>
    public double Scalar(string what) =>
        Elements == 1 ? (Floats is { } f ? f[0] : Integers![0]) : throw new OnnxImportException($"{what} must be one value but has shape [{string.Join(", ", Shape)}]");
}
