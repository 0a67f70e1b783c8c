using Versus.Core.Weights;

namespace Versus.Deploy;

/// <summary>
/// The ONNX file the interop probe wrote, with the trained weights it holds and the training engine's own logits on
/// test images 0..N-1 (<see cref="ReferenceImages"/>): what the server, edge and browser probes deploy and compare with.
/// </summary>
public sealed record ExportedModel(string Path, long Bytes, WeightSet Weights, float[] ReferenceLogits, int ReferenceImages);
