namespace Versus.Core.Models.Graphs;

/// <summary>What a graph node computes. <see cref="Kind"/> is the spec's "op" value.</summary>
public abstract record NodeOp
{
    public abstract string Kind { get; }

    /// <summary>How many inputs the operation takes; null for any number of at least two (concatenation).</summary>
    public virtual int? Arity => 1;
}

/// <summary>A height and width pair (kernel, stride, dilation).</summary>
public readonly record struct Size2(int Height, int Width)
{
    public static Size2 Square(int size) => new(size, size);

    public override string ToString() => Height == Width ? $"{Height}" : $"{Height}x{Width}";
}

/// <summary>Zero (or, for max pooling, minus-infinity) padding on each side, possibly asymmetric as ONNX and TensorFlow's SAME produce.</summary>
public readonly record struct Padding2(int Top, int Left, int Bottom, int Right)
{
    public static Padding2 Symmetric(int height, int width) => new(height, width, height, width);

    public static Padding2 None => default;

    /// <summary>
    /// TensorFlow's SAME, as written in a spec: output size ceil(input / stride), the odd pixel at the bottom/right. Shape
    /// inference replaces it with explicit sides (ModelAnalysis.Graph), so no engine ever sees it.
    /// </summary>
    public static Padding2 Same => new(-1, -1, -1, -1);

    public bool IsSame => this == Same;

    public bool IsSymmetric => Top == Bottom && Left == Right;

    public override string ToString() => IsSame ? "same" : $"[{Top}, {Left}, {Bottom}, {Right}]";
}

/// <summary>2-D convolution; <see cref="Groups"/> equal to the input channels is a depthwise convolution.</summary>
public sealed record ConvOp(int OutChannels, Size2 Kernel, Size2 Stride, Size2 Dilation, Padding2 Padding, int Groups = 1, bool Bias = true) : NodeOp
{
    public override string Kind => "conv2d";
}

public sealed record BatchNormOp(double Epsilon = 1e-5, double Momentum = 0.1) : NodeOp
{
    public override string Kind => "batchnorm2d";
}

public sealed record ReluOp : NodeOp
{
    public override string Kind => "relu";
}

/// <summary>min(max(x, Min), Max); ReLU6 is Clip(0, 6).</summary>
public sealed record ClipOp(double Min, double Max) : NodeOp
{
    public override string Kind => "clip";
}

public sealed record LeakyReluOp(double Alpha = 0.01) : NodeOp
{
    public override string Kind => "leakyrelu";
}

public sealed record SigmoidOp : NodeOp
{
    public override string Kind => "sigmoid";
}

/// <summary>x * relu6(x + 3) / 6, as PyTorch's Hardswish and ONNX's HardSwish.</summary>
public sealed record HardSwishOp : NodeOp
{
    public override string Kind => "hardswish";
}

/// <summary>Max pooling; padding counts as minus infinity; ceil mode lets the last window start inside the padded input.</summary>
public sealed record MaxPoolOp(Size2 Kernel, Size2 Stride, Padding2 Padding, bool CeilMode = false) : NodeOp
{
    public override string Kind => "maxpool2d";
}

/// <summary>Average pooling; <see cref="CountIncludePad"/> says whether padded zeros count in the divisor (PyTorch's default: yes; ONNX's: no).</summary>
public sealed record AvgPoolOp(Size2 Kernel, Size2 Stride, Padding2 Padding, bool CeilMode = false, bool CountIncludePad = false) : NodeOp
{
    public override string Kind => "avgpool2d";
}

public sealed record GlobalAvgPoolOp : NodeOp
{
    public override string Kind => "globalavgpool";
}

/// <summary>An image to a vector in C, H, W order (NCHW), as PyTorch flattens.</summary>
public sealed record FlattenOp : NodeOp
{
    public override string Kind => "flatten";
}

public sealed record LinearOp(int OutFeatures, bool Bias = true) : NodeOp
{
    public override string Kind => "linear";
}

/// <summary>Elementwise sum of two values of the same shape.</summary>
public sealed record AddOp : NodeOp
{
    public override string Kind => "add";

    public override int? Arity => 2;
}

/// <summary>Images of the same height and width joined along channels, in input order.</summary>
public sealed record ConcatOp : NodeOp
{
    public override string Kind => "concat";

    public override int? Arity => null;
}

public sealed record DropoutOp(double Probability) : NodeOp
{
    public override string Kind => "dropout";
}
