using Versus.Core.Data;
using Versus.Core.Models;
using Versus.Core.Weights;

namespace Versus.Core.Deployment;

/// <summary>
/// What an exporter is asked to do: train <paramref name="Steps"/> steps from the run's initial weights (so the export
/// holds trained state), write the ONNX file to <paramref name="Path"/>, and keep its logits on the first
/// <paramref name="ReferenceImages"/> test images as the reference every deployed copy must reproduce.
/// </summary>
public sealed record OnnxExportInput(
    ModelSpec Spec,
    WeightSet InitialWeights,
    Dataset Data,
    int Threads,
    int Steps,
    int ReferenceImages,
    string Path);
