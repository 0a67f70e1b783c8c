using Versus.Core.Models;
using Versus.Core.Models.Graphs;
using Versus.Core.Weights;

namespace Versus.Import.Onnx.Mapping;

/// <summary>
/// An ONNX graph read as a spec graph: its nodes with final names, the input shape, the class count, the parameters
/// by canonical name, and the batch size the file fixes (null when its batch axis is symbolic).
/// </summary>
internal sealed record ImportedGraph(GraphSpec Graph, ActivationShape Input, int Classes, IReadOnlyDictionary<string, NamedTensor> Parameters,
    int? FixedBatch);
