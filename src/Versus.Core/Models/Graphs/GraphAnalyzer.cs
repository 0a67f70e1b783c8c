using System.Text.RegularExpressions;
using Versus.Core.Validation;

namespace Versus.Core.Models.Graphs;

/// <summary>
/// Shape inference, parameter layout and analytic FLOPs of a graph, node by node in dependency order, before anything
/// is allocated. FLOPs count a multiply-add as 2 and one per element for activations, additions and pooling windows.
/// </summary>
internal sealed partial class GraphAnalyzer(string source)
{
    public List<ParameterInfo> Parameters { get; } = [];
    public List<ValidationError> Errors { get; } = [];
    public List<NodeAnalysis> Nodes { get; } = [];

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z0-9_]+)*$")]
    private static partial Regex NamePattern();

    public void Analyze(GraphSpec graph, ActivationShape input, int classes)
    {
        if (!CheckNames(graph)) return;
        var (ordered, cyclic) = GraphOrder.Sort(graph.Nodes);
        if (ordered is null)
        {
            Error("$.graph.nodes", $"has a cycle through {string.Join(", ", cyclic.Take(8).Select(n => $"'{n}'"))}{(cyclic.Count > 8 ? ", ..." : "")}; a network's nodes must form a directed acyclic graph");
            return;
        }
        var shapes = new Dictionary<string, ActivationShape>(StringComparer.Ordinal) { [GraphSpec.InputName] = input };
        foreach (var node in ordered)
        {
            var inputs = new List<ActivationShape>(node.Inputs.Count);
            foreach (var name in node.Inputs)
                if (shapes.TryGetValue(name, out var shape)) inputs.Add(shape);
            if (inputs.Count != node.Inputs.Count) continue; // an input failed before; its error is already reported
            var parametersBefore = Parameters.Sum(p => p.Elements);
            var resolved = inputs[0].IsFlat ? node : ResolveSame(node, inputs[0]);
            var (output, flops) = Apply(resolved, inputs);
            if (output is null) continue;
            shapes[node.Name] = output;
            Nodes.Add(new NodeAnalysis(resolved, inputs, output, Parameters.Sum(p => p.Elements) - parametersBefore, flops));
        }
        if (shapes.TryGetValue(graph.Output, out var result) && (!result.IsFlat || result.Channels != classes))
            Error(OutputAt(graph), $"the network ends with shape {result}; its output must be {classes} values (classes), e.g. a linear layer with out {classes}");
        if (Errors.Count == 0) ReportUnused(ordered, graph.Output);
    }

    private static string OutputAt(GraphSpec graph) =>
        graph.Nodes.FirstOrDefault(n => n.Name == graph.Output)?.At is { Length: > 0 } at ? at : "$.graph.output";

    private bool CheckNames(GraphSpec graph)
    {
        var errors = Errors.Count;
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in graph.Nodes)
        {
            if (!NamePattern().IsMatch(node.Name) || node.Name == GraphSpec.InputName)
                Error(At(node), $"name '{node.Name}' is not allowed; use letters, digits and '_' in dot-separated parts, and not '{GraphSpec.InputName}' (the model's input)");
            else if (!names.Add(node.Name))
                Error(At(node), $"name '{node.Name}' is used by an earlier node; each node needs its own name");
        }
        // Parameters are named {node}.weight: a node named like another's path would collide with its parameters.
        foreach (var node in graph.Nodes)
            for (var cut = node.Name.LastIndexOf('.'); cut > 0; cut = node.Name.LastIndexOf('.', cut - 1))
                if (names.Contains(node.Name[..cut]))
                {
                    Error(At(node), $"name '{node.Name}' lies inside node '{node.Name[..cut]}' (its parameters would share names); rename one of them");
                    break;
                }
        foreach (var node in graph.Nodes)
        {
            if (node.Op.Arity is { } arity && node.Inputs.Count != arity)
                Error(At(node), $"{node.Op.Kind} takes {arity} input{(arity == 1 ? "" : "s")} but lists {node.Inputs.Count}");
            else if (node.Op.Arity is null && node.Inputs.Count < 2)
                Error(At(node), $"{node.Op.Kind} takes two or more inputs but lists {node.Inputs.Count}");
            foreach (var input in node.Inputs.Where(i => i != GraphSpec.InputName && !names.Contains(i)))
                Error(At(node), $"input '{input}' is not a node of the graph nor '{GraphSpec.InputName}'");
        }
        if (graph.Nodes.Count == 0)
            Error("$.graph.nodes", "is empty; a graph needs at least one node");
        else if (!names.Contains(graph.Output))
            Error("$.graph.output", $"is '{graph.Output}', which is not a node of the graph");
        return Errors.Count == errors;
    }

    private void ReportUnused(IReadOnlyList<GraphNode> ordered, string output)
    {
        var used = new HashSet<string>(StringComparer.Ordinal) { output };
        for (var i = ordered.Count - 1; i >= 0; i--)
            if (used.Contains(ordered[i].Name))
                used.UnionWith(ordered[i].Inputs);
        foreach (var node in ordered.Where(n => !used.Contains(n.Name)))
            Error(At(node), $"node '{node.Name}' does not lead to the output '{output}'; remove it or connect it");
    }

    private (ActivationShape? Output, long Flops) Apply(GraphNode node, List<ActivationShape> inputs)
    {
        var x = inputs[0];
        var at = At(node);
        switch (node.Op)
        {
            case ConvOp c:
                return Conv(node.Name, at, c, x);
            case BatchNormOp:
                if (!RequireImage(x, at, node)) return (null, 0);
                AddNorm(node.Name, x.Channels);
                return (x, 2 * x.Elements);
            case ReluOp or ClipOp or LeakyReluOp or SigmoidOp or HardSwishOp:
                return (x, x.Elements);
            case DropoutOp:
                return (x, 0);
            case MaxPoolOp p:
                return Pool(at, node, x, p.Kernel, p.Stride, p.Padding, p.CeilMode);
            case AvgPoolOp p:
                return Pool(at, node, x, p.Kernel, p.Stride, p.Padding, p.CeilMode);
            case GlobalAvgPoolOp:
                if (!RequireImage(x, at, node)) return (null, 0);
                return (ActivationShape.Vector(x.Channels), x.Elements);
            case FlattenOp:
                return (ActivationShape.Vector(checked((int)x.Elements)), 0);
            case LinearOp l:
                if (!x.IsFlat)
                {
                    Error(at, $"linear needs a flat input but gets {x}; add a flatten or globalavgpool before it");
                    return (null, 0);
                }
                Parameters.Add(new ParameterInfo($"{node.Name}.weight", [l.OutFeatures, x.Channels], ParameterRole.LinearWeight, x.Channels));
                if (l.Bias) Parameters.Add(new ParameterInfo($"{node.Name}.bias", [l.OutFeatures], ParameterRole.Bias, x.Channels));
                return (ActivationShape.Vector(l.OutFeatures), 2L * x.Channels * l.OutFeatures + (l.Bias ? l.OutFeatures : 0));
            case AddOp:
                if (inputs[1] != x)
                {
                    Error(at, $"add needs two inputs of one shape but gets {x} ('{node.Inputs[0]}') and {inputs[1]} ('{node.Inputs[1]}')");
                    return (null, 0);
                }
                return (x, x.Elements);
            case ConcatOp:
                if (inputs.Any(s => s.IsFlat || s.Height != x.Height || s.Width != x.Width))
                {
                    Error(at, $"concat joins images of one height and width along channels but gets {string.Join(", ", inputs)}");
                    return (null, 0);
                }
                return (ActivationShape.Image(inputs.Sum(s => s.Channels), x.Height, x.Width), 0);
            default:
                throw new InvalidOperationException($"Operation {node.Op.Kind} has no shape rule.");
        }
    }

    private static GraphNode ResolveSame(GraphNode node, ActivationShape x) => node.Op switch
    {
        ConvOp { Padding.IsSame: true } c => node with
        {
            Op = c with { Padding = Same(x, new Size2(c.Dilation.Height * (c.Kernel.Height - 1) + 1, c.Dilation.Width * (c.Kernel.Width - 1) + 1), c.Stride) },
        },
        MaxPoolOp { Padding.IsSame: true } p => node with { Op = p with { Padding = Same(x, p.Kernel, p.Stride) } },
        AvgPoolOp { Padding.IsSame: true } p => node with { Op = p with { Padding = Same(x, p.Kernel, p.Stride) } },
        _ => node,
    };

    /// <summary>TensorFlow's SAME: output ceil(size / stride); the padding that needs, the odd pixel after (SAME_UPPER).</summary>
    private static Padding2 Same(ActivationShape x, Size2 extent, Size2 stride)
    {
        static (int Before, int After) Side(int size, int extent, int stride)
        {
            var output = (size + stride - 1) / stride;
            var total = Math.Max((output - 1) * stride + extent - size, 0);
            return (total / 2, total - total / 2);
        }
        var (top, bottom) = Side(x.Height, extent.Height, stride.Height);
        var (left, right) = Side(x.Width, extent.Width, stride.Width);
        return new Padding2(top, left, bottom, right);
    }

    private (ActivationShape?, long) Conv(string name, string at, ConvOp c, ActivationShape x)
    {
        if (!x.IsFlat && (x.Channels % c.Groups != 0 || c.OutChannels % c.Groups != 0))
        {
            Error(at, $"conv2d with groups {c.Groups} needs input ({x.Channels}) and output ({c.OutChannels}) channels divisible by it");
            return (null, 0);
        }
        if (x.IsFlat)
        {
            Error(at, $"conv2d needs an image input but gets the flat vector {x}; move it before the flatten/globalavgpool");
            return (null, 0);
        }
        var h = Windows(x.Height, c.Padding.Top + c.Padding.Bottom, c.Dilation.Height * (c.Kernel.Height - 1) + 1, c.Stride.Height, false);
        var w = Windows(x.Width, c.Padding.Left + c.Padding.Right, c.Dilation.Width * (c.Kernel.Width - 1) + 1, c.Stride.Width, false);
        if (h < 1 || w < 1)
        {
            Error(at, $"conv2d kernel {c.Kernel} (dilation {c.Dilation}, padding {c.Padding}) does not fit its {x} input; use a smaller kernel, more padding or fewer pooling layers before it");
            return (null, 0);
        }
        var fanIn = x.Channels / c.Groups * c.Kernel.Height * c.Kernel.Width;
        Parameters.Add(new ParameterInfo($"{name}.weight", [c.OutChannels, x.Channels / c.Groups, c.Kernel.Height, c.Kernel.Width], ParameterRole.ConvWeight, fanIn));
        if (c.Bias) Parameters.Add(new ParameterInfo($"{name}.bias", [c.OutChannels], ParameterRole.Bias, fanIn));
        var y = ActivationShape.Image(c.OutChannels, h, w);
        return (y, 2L * fanIn * y.Elements + (c.Bias ? y.Elements : 0));
    }

    private (ActivationShape?, long) Pool(string at, GraphNode node, ActivationShape x, Size2 kernel, Size2 stride, Padding2 padding, bool ceil)
    {
        if (!RequireImage(x, at, node)) return (null, 0);
        if (Math.Max(padding.Top, padding.Bottom) * 2 > kernel.Height || Math.Max(padding.Left, padding.Right) * 2 > kernel.Width)
        {
            Error(at, $"{node.Op.Kind} padding {padding} exceeds half its kernel {kernel}; a window would hold only padding");
            return (null, 0);
        }
        var h = PoolWindows(x.Height, padding.Top, padding.Bottom, kernel.Height, stride.Height, ceil);
        var w = PoolWindows(x.Width, padding.Left, padding.Right, kernel.Width, stride.Width, ceil);
        if (h < 1 || w < 1)
        {
            Error(at, $"{node.Op.Kind} kernel {kernel} does not fit its {x} input; remove it or use a smaller kernel");
            return (null, 0);
        }
        var y = ActivationShape.Image(x.Channels, h, w);
        return (y, (long)kernel.Height * kernel.Width * y.Elements);
    }

    /// <summary>Output positions of a pooling window; in ceil mode the last window must start inside the input or its leading padding (PyTorch's rule).</summary>
    private static int PoolWindows(int size, int before, int after, int kernel, int stride, bool ceil)
    {
        var count = Windows(size, before + after, kernel, stride, ceil);
        if (ceil && count > 0 && (count - 1) * stride >= size + before) count--;
        return count;
    }

    private static int Windows(int size, int padding, int extent, int stride, bool ceil)
    {
        var span = size + padding - extent;
        if (span < 0) return 0;
        return (ceil ? (span + stride - 1) / stride : span / stride) + 1;
    }

    private void AddNorm(string name, int channels)
    {
        Parameters.Add(new ParameterInfo($"{name}.weight", [channels], ParameterRole.NormScale, channels));
        Parameters.Add(new ParameterInfo($"{name}.bias", [channels], ParameterRole.NormShift, channels));
        Parameters.Add(new ParameterInfo($"{name}.running_mean", [channels], ParameterRole.RunningMean, channels));
        Parameters.Add(new ParameterInfo($"{name}.running_var", [channels], ParameterRole.RunningVariance, channels));
    }

    private bool RequireImage(ActivationShape x, string at, GraphNode node)
    {
        if (!x.IsFlat) return true;
        Error(at, $"{node.Op.Kind} needs an image input but gets the flat vector {x}; move it before the flatten/globalavgpool");
        return false;
    }

    private static string At(GraphNode node) => node.At.Length > 0 ? node.At : $"$.graph.nodes[name={node.Name}]";

    private void Error(string at, string message) => Errors.Add(new ValidationError(source, at, message));
}
