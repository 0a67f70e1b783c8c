using Versus.Core.Weights;

namespace Versus.Core.Deployment;

/// <summary>
/// The ONNX file an exporter wrote, with the trained weights it holds and the training engine's own logits on test
/// images 0..N-1 (<see cref="ReferenceImages"/>): what the server, edge and browser probes deploy and compare with.
/// <see cref="Reference"/> names the engine those logits came from ("TorchSharp"), <see cref="Opset"/> the ONNX opset.
/// </summary>
public sealed record ExportedModel(
    string Path,
    long Bytes,
    WeightSet Weights,
    float[] ReferenceLogits,
    int ReferenceImages,
    string Reference,
    int Opset);
