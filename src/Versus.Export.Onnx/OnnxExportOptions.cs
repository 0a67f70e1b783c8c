namespace Versus.Export.Onnx;

/// <summary>Names and version choices of an exported model. The defaults are what every Versus consumer expects.</summary>
public sealed record OnnxExportOptions
{
    /// <summary>Opset 17: BatchNormalization with inference/training mode split, supported by every current ONNX Runtime.</summary>
    public const int DefaultOpset = 17;

    public static OnnxExportOptions Default { get; } = new();

    public string InputName { get; init; } = "input";

    public string OutputName { get; init; } = "logits";

    /// <summary>The symbolic name of the first (batch) dimension, left dynamic so one file serves any batch size.</summary>
    public string BatchDimension { get; init; } = "batch";

    public int Opset { get; init; } = DefaultOpset;
}
