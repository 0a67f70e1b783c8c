using Versus.Core.Models;
using Versus.Import.Onnx.Reading;

namespace Versus.Import.Onnx.Mapping;

/// <summary>What an ONNX value is once its producer has been read.</summary>
internal abstract record Value;

/// <summary>
/// A tensor that depends on the model's input: the output of graph node <paramref name="Node"/> (or the input itself).
/// <paramref name="Dims"/> is its ONNX shape per example (no batch axis): global average pooling yields C x 1 x 1 in
/// ONNX but a vector of C in the spec.
/// </summary>
internal sealed record Activation(string Node, ActivationShape Shape, long[] Dims) : Value
{
    public static Activation Of(string node, ActivationShape shape) =>
        new(node, shape, shape.IsFlat ? [shape.Channels] : [shape.Channels, shape.Height, shape.Width]);
}

/// <summary>A value computed before the model runs: an initializer, a Constant, or a folded shape computation.</summary>
internal sealed record Known(Constant Tensor) : Value;

/// <summary>HardSigmoid(x) with hard-swish's coefficients, waiting for the Mul by x that completes x * relu6(x + 3) / 6.</summary>
internal sealed record PendingHardSigmoid(Activation Of, string OnnxNode) : Value;
