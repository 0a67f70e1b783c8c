using Versus.Core.Data;
using Versus.Core.Models;

namespace Versus.Core.Deployment;

/// <summary>
/// What a server may load: the workload, the exported model (its ONNX file and the trained weights it holds), the data
/// an engine needs to prepare and the intra-op thread count per request.
/// </summary>
public sealed record ServingInput(ModelSpec Spec, ExportedModel Model, Dataset Data, int Threads);
