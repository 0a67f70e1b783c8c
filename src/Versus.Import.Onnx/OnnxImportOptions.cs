namespace Versus.Import.Onnx;

/// <summary>Limits of what the importer reads. The defaults are what <c>versus</c> uses.</summary>
public sealed record OnnxImportOptions
{
    /// <summary>Opset 9 is the first with today's BatchNormalization (no "spatial" split) and static Upsample-free CNN ops.</summary>
    public const int MinOpset = 9;

    /// <summary>The newest opset whose CNN operations the mapping has been checked against (ONNX 1.17).</summary>
    public const int MaxOpset = 22;

    public static OnnxImportOptions Default { get; } = new();

    /// <summary>Protobuf's own limit is 2 GiB; a larger model keeps its weights in external files, which are refused.</summary>
    public long MaxFileBytes { get; init; } = int.MaxValue;
}
