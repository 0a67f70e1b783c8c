using Versus.Core.Weights;

namespace Versus.Deploy;

/// <summary>The ONNX file the interop probe wrote, with the trained weights it holds: what the server and edge probes deploy.</summary>
public sealed record ExportedModel(string Path, long Bytes, WeightSet Weights);
