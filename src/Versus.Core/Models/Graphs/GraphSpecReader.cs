using System.Text.Json.Nodes;

namespace Versus.Core.Models.Graphs;

/// <summary>Reads the "graph" form of a spec (docs/model-spec.md, "Graphs"), recording a located error for every bad field.</summary>
internal static class GraphSpecReader
{
    private static readonly string[] Ops =
    [
        "conv2d", "batchnorm2d", "relu", "clip", "leakyrelu", "sigmoid", "hardswish", "maxpool2d", "avgpool2d",
        "globalavgpool", "flatten", "linear", "add", "concat", "dropout",
    ];

    // A graph as big as the largest sequence a spec may expand to.
    private const int MaxNodes = 100_000;

    public static GraphSpec? Read(SpecFieldReader r, JsonNode? node)
    {
        const string at = "$.graph";
        var graph = r.Object(node, at);
        if (graph is null) return null;
        r.RejectUnknown(graph, at, "nodes", "output");
        if (graph["nodes"] is not JsonArray array || array.Count == 0)
        {
            r.Error($"{at}.nodes", "is missing or empty; expected an array of nodes");
            return null;
        }
        if (array.Count > MaxNodes)
        {
            r.Error($"{at}.nodes", $"has {array.Count} nodes; a graph has at most {MaxNodes}");
            return null;
        }
        var nodes = new List<GraphNode>(array.Count);
        var previous = GraphSpec.InputName;
        for (var i = 0; i < array.Count; i++)
        {
            var nodeAt = $"{at}.nodes[{i}]";
            var o = r.Object(array[i], nodeAt);
            if (o is null) continue;
            var name = r.String(o, "name", nodeAt) ?? $"node{i}";
            var inputs = ReadInputs(r, o, nodeAt, previous);
            var op = ReadOp(r, o, nodeAt);
            if (op is not null) nodes.Add(new GraphNode(name, op, inputs, nodeAt));
            previous = name;
        }
        var output = r.String(graph, "output", at, required: false) ?? previous;
        return new GraphSpec(nodes, output);
    }

    private static IReadOnlyList<string> ReadInputs(SpecFieldReader r, JsonObject o, string at, string previous)
    {
        if (o["inputs"] is null) return [previous];
        if (o["inputs"] is JsonArray list && list.All(n => n is JsonValue v && v.TryGetValue(out string? _)))
            return [.. list.Select(n => n!.GetValue<string>())];
        r.Error($"{at}.inputs", "must be an array of node names (or \"input\")");
        return [];
    }

    private static NodeOp? ReadOp(SpecFieldReader r, JsonObject o, string at)
    {
        var kind = r.String(o, "op", at);
        if (kind is null) return null;
        string[] common = ["name", "op", "inputs"];
        void Allow(params string[] fields) => r.RejectUnknown(o, at, [.. common, .. fields]);
        switch (kind)
        {
            case "conv2d":
                Allow("out", "kernel", "stride", "dilation", "padding", "groups", "bias");
                return new ConvOp(r.Int(o, "out", at, null, 1, 65_536), Pair(r, o, "kernel", at, null), Pair(r, o, "stride", at, 1),
                    Pair(r, o, "dilation", at, 1), Padding(r, o, at), r.Int(o, "groups", at, 1, 1, 65_536), r.Bool(o, "bias", at, true));
            case "batchnorm2d":
                Allow("epsilon", "momentum");
                return new BatchNormOp(r.Double(o, "epsilon", at, 1e-5, 1e-12, 1), r.Double(o, "momentum", at, 0.1, 0, 1));
            case "relu": Allow(); return new ReluOp();
            case "sigmoid": Allow(); return new SigmoidOp();
            case "hardswish": Allow(); return new HardSwishOp();
            case "globalavgpool": Allow(); return new GlobalAvgPoolOp();
            case "flatten": Allow(); return new FlattenOp();
            case "add": Allow(); return new AddOp();
            case "concat": Allow(); return new ConcatOp();
            case "clip":
            {
                Allow("min", "max");
                var min = r.Double(o, "min", at, null, -1e6, 1e6);
                var max = r.Double(o, "max", at, null, -1e6, 1e6);
                if (max <= min) r.Error($"{at}.max", $"is {max}, not above min {min}");
                return new ClipOp(min, max);
            }
            case "leakyrelu":
                Allow("alpha");
                return new LeakyReluOp(r.Double(o, "alpha", at, 0.01, 0, 1));
            case "maxpool2d" or "avgpool2d":
            {
                Allow(kind == "avgpool2d" ? ["kernel", "stride", "padding", "ceil", "countIncludePad"] : ["kernel", "stride", "padding", "ceil"]);
                var kernel = Pair(r, o, "kernel", at, null);
                var stride = o["stride"] is null ? kernel : Pair(r, o, "stride", at, 1);
                var padding = Padding(r, o, at);
                var ceil = r.Bool(o, "ceil", at, false);
                return kind == "maxpool2d"
                    ? new MaxPoolOp(kernel, stride, padding, ceil)
                    : new AvgPoolOp(kernel, stride, padding, ceil, r.Bool(o, "countIncludePad", at, false));
            }
            case "linear":
                Allow("out", "bias");
                return new LinearOp(r.Int(o, "out", at, null, 1, 1 << 24), r.Bool(o, "bias", at, true));
            case "dropout":
                Allow("p");
                return new DropoutOp(r.Double(o, "p", at, null, 0, 0.99));
            default:
                r.Error($"{at}.op", $"is '{kind}'; allowed: {string.Join(", ", Ops)}");
                return null;
        }
    }

    /// <summary>A number (square) or [height, width].</summary>
    private static Size2 Pair(SpecFieldReader r, JsonObject o, string name, string at, int? fallback)
    {
        if (o[name] is JsonArray pair)
        {
            var values = Ints(r, pair, $"{at}.{name}", 2, 1, 1024);
            return values is null ? Size2.Square(1) : new Size2(values[0], values[1]);
        }
        return Size2.Square(r.Int(o, name, at, fallback, 1, 1024));
    }

    /// <summary>A number, [height, width], [top, left, bottom, right] or "same".</summary>
    private static Padding2 Padding(SpecFieldReader r, JsonObject o, string at)
    {
        var node = o["padding"];
        if (node is JsonValue v && v.TryGetValue(out string? word))
        {
            if (word == "same") return Padding2.Same;
            r.Error($"{at}.padding", $"is '{word}'; allowed: a number, [height, width], [top, left, bottom, right] or \"same\"");
            return Padding2.None;
        }
        if (node is JsonArray list)
        {
            if (list.Count is not (2 or 4))
            {
                r.Error($"{at}.padding", $"has {list.Count} values; give [height, width] or [top, left, bottom, right]");
                return Padding2.None;
            }
            var values = Ints(r, list, $"{at}.padding", list.Count, 0, 1024);
            if (values is null) return Padding2.None;
            return values.Length == 2 ? Padding2.Symmetric(values[0], values[1]) : new Padding2(values[0], values[1], values[2], values[3]);
        }
        var p = r.Int(o, "padding", at, 0, 0, 1024);
        return Padding2.Symmetric(p, p);
    }

    private static int[]? Ints(SpecFieldReader r, JsonArray list, string at, int count, int min, int max)
    {
        var values = new int[list.Count];
        for (var i = 0; i < list.Count; i++)
            if (list[i] is not JsonValue v || !v.TryGetValue(out values[i]) || values[i] < min || values[i] > max)
            {
                r.Error($"{at}[{i}]", $"must be an integer from {min} to {max}");
                return null;
            }
        if (values.Length != count)
        {
            r.Error(at, $"has {values.Length} values; expected {count}");
            return null;
        }
        return values;
    }
}
