namespace Versus.Core.Models.Graphs;

/// <summary>What one graph node does to a single example: its input shapes (in input order), output shape, parameters and forward FLOPs.</summary>
public sealed record NodeAnalysis(GraphNode Node, IReadOnlyList<ActivationShape> InputShapes, ActivationShape OutputShape, long Parameters, long ForwardFlops)
{
    public string Name => Node.Name;

    /// <summary>The first input's channels, or its feature count once flat: what a convolution, norm or linear layer is built for.</summary>
    public int InChannels => InputShapes[0].Channels;
}
