namespace Versus.Core.Models.Graphs;

/// <summary>
/// A network as a directed acyclic graph of named nodes (docs/model-spec.md, "Graphs"). The model's one input is the
/// value named <see cref="InputName"/>; its one output is the node <see cref="Output"/>. A layer sequence is the special
/// graph <see cref="SequenceLowering"/> builds from it. Nodes are listed in an order where every input comes first.
/// </summary>
public sealed record GraphSpec(IReadOnlyList<GraphNode> Nodes, string Output)
{
    public const string InputName = "input";
}

/// <summary>
/// One operation. Its parameters are named <c>{Name}.weight</c>, <c>{Name}.bias</c> (and the batch-norm statistics)
/// in canonical PyTorch layout, so a name is a dotted path of identifiers and no node's name is a prefix path of another's.
/// <see cref="At"/> locates the node in the file it came from, for messages.
/// </summary>
public sealed record GraphNode(string Name, NodeOp Op, IReadOnlyList<string> Inputs, string At = "");
