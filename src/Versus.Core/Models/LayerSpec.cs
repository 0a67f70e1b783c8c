namespace Versus.Core.Models;

/// <summary>One layer of a framework-neutral network. Parameter tensors use PyTorch's canonical layout (see docs/model-spec.md).</summary>
public abstract record LayerSpec
{
    /// <summary>The spec's "type" value.</summary>
    public abstract string Kind { get; }
}

public sealed record Conv2dLayer(int OutChannels, int Kernel, int Stride = 1, int Padding = 0, bool Bias = true) : LayerSpec
{
    public override string Kind => "conv2d";
}

public sealed record BatchNorm2dLayer(double Epsilon = 1e-5, double Momentum = 0.1) : LayerSpec
{
    public override string Kind => "batchnorm2d";
}

public sealed record ReluLayer : LayerSpec
{
    public override string Kind => "relu";
}

public sealed record MaxPool2dLayer(int Kernel, int Stride) : LayerSpec
{
    public override string Kind => "maxpool2d";
}

public sealed record GlobalAvgPoolLayer : LayerSpec
{
    public override string Kind => "globalavgpool";
}

public sealed record FlattenLayer : LayerSpec
{
    public override string Kind => "flatten";
}

public sealed record LinearLayer(int OutFeatures, bool Bias = true) : LayerSpec
{
    public override string Kind => "linear";
}

public sealed record DropoutLayer(double Probability) : LayerSpec
{
    public override string Kind => "dropout";
}

/// <summary>
/// y = relu(body(x) + shortcut(x)). The shortcut is the identity, or a 1x1 convolution (no bias, stride equal to the body's
/// total stride) followed by batch normalisation when the body changes the shape.
/// </summary>
public sealed record ResidualLayer(IReadOnlyList<LayerSpec> Body, ShortcutKind Shortcut) : LayerSpec
{
    public override string Kind => "residual";
}

public enum ShortcutKind
{
    Identity,
    Projection,
}
