using Versus.Core.Models;
using Versus.Core.Weights;

namespace Versus.Import.Onnx;

/// <summary>
/// An ONNX file taken as a workload: its graph spec, the spec's analysis, the file's weights in canonical layout and
/// order, what produced the file, and the batch size the file fixes (null: symbolic, any batch).
/// </summary>
public sealed record ImportedModel(ModelSpec Spec, ModelAnalysis Analysis, WeightSet Weights, string Producer, long Opset, int? FixedBatch);
