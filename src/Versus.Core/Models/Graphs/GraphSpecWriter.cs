using System.Text.Json.Nodes;

namespace Versus.Core.Models.Graphs;

/// <summary>Writes a graph with every field explicit (docs/model-spec.md, "Graphs"): what workers in any language build from.</summary>
public static class GraphSpecWriter
{
    public static JsonObject ToJson(GraphSpec graph) => new()
    {
        ["output"] = graph.Output,
        ["nodes"] = new JsonArray([.. graph.Nodes.Select(Node)]),
    };

    private static JsonObject Node(GraphNode node)
    {
        var o = new JsonObject
        {
            ["name"] = node.Name,
            ["op"] = node.Op.Kind,
            ["inputs"] = new JsonArray([.. node.Inputs.Select(i => (JsonNode)i)]),
        };
        switch (node.Op)
        {
            case ConvOp c:
                o["out"] = c.OutChannels; o["kernel"] = Pair(c.Kernel); o["stride"] = Pair(c.Stride); o["dilation"] = Pair(c.Dilation);
                o["padding"] = Sides(c.Padding); o["groups"] = c.Groups; o["bias"] = c.Bias;
                break;
            case BatchNormOp b:
                o["epsilon"] = b.Epsilon; o["momentum"] = b.Momentum;
                break;
            case ClipOp c:
                o["min"] = c.Min; o["max"] = c.Max;
                break;
            case LeakyReluOp l:
                o["alpha"] = l.Alpha;
                break;
            case MaxPoolOp p:
                o["kernel"] = Pair(p.Kernel); o["stride"] = Pair(p.Stride); o["padding"] = Sides(p.Padding); o["ceil"] = p.CeilMode;
                break;
            case AvgPoolOp p:
                o["kernel"] = Pair(p.Kernel); o["stride"] = Pair(p.Stride); o["padding"] = Sides(p.Padding); o["ceil"] = p.CeilMode;
                o["countIncludePad"] = p.CountIncludePad;
                break;
            case LinearOp l:
                o["out"] = l.OutFeatures; o["bias"] = l.Bias;
                break;
            case DropoutOp d:
                o["p"] = d.Probability;
                break;
        }
        return o;
    }

    private static JsonArray Pair(Size2 s) => [s.Height, s.Width];

    private static JsonNode Sides(Padding2 p) => p.IsSame ? "same" : new JsonArray(p.Top, p.Left, p.Bottom, p.Right);
}
