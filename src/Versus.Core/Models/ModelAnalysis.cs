using Versus.Core.Models.Graphs;
using Versus.Core.Validation;

namespace Versus.Core.Models;

/// <summary>
/// Shape inference and analytic cost of a spec. FLOPs count a multiply-add as 2; training is modelled as 3x the forward
/// pass (forward, gradient with respect to activations, gradient with respect to weights), the convention MLPerf and
/// Kaplan et al. use. See docs/model-spec.md.
/// </summary>
public sealed class ModelAnalysis
{
    private const int BytesPerFloat = 4;

    private ModelAnalysis(IReadOnlyList<LayerAnalysis> layers, IReadOnlyList<NodeAnalysis> nodes, IReadOnlyList<ParameterInfo> parameters,
        IReadOnlyList<ValidationError> errors)
    {
        Layers = layers;
        Nodes = nodes;
        ParameterLayout = parameters;
        Errors = errors;
        byName = nodes.ToDictionary(n => n.Name, StringComparer.Ordinal);
    }

    private readonly Dictionary<string, NodeAnalysis> byName;

    /// <summary>The top-level layers of a sequence spec (empty for a graph spec), as the spec file lists them.</summary>
    public IReadOnlyList<LayerAnalysis> Layers { get; }

    /// <summary>Every node of <see cref="ModelSpec.Graph"/> in an order where inputs come first: what engines build.</summary>
    public IReadOnlyList<NodeAnalysis> Nodes { get; }

    public NodeAnalysis Node(string name) => byName[name];

    /// <summary>The analysed graph: nodes in dependency order, "same" padding made explicit. Null when the spec has errors.</summary>
    public GraphSpec? Graph { get; private init; }

    /// <summary>Every state tensor in canonical order; the weight file and every engine use these names.</summary>
    public IReadOnlyList<ParameterInfo> ParameterLayout { get; }

    public IReadOnlyList<ValidationError> Errors { get; }

    public long TrainableParameters => ParameterLayout.Where(p => p.IsTrainable).Sum(p => p.Elements);

    public long ForwardFlopsPerExample => Nodes.Sum(n => n.ForwardFlops);

    public long TrainingFlopsPerExample => 3 * ForwardFlopsPerExample;

    public long ActivationElementsPerExample => Nodes.Sum(n => n.OutputShape.Elements);

    /// <summary>
    /// Bytes a training step needs at this batch size: weights, gradients and two optimizer slots, plus every node's
    /// output kept for the backward pass and its gradient. An upper-bound style estimate used to refuse specs early.
    /// </summary>
    public long EstimatedTrainingBytes(int batchSize) =>
        BytesPerFloat * (4 * ParameterLayout.Sum(p => p.Elements) + 2L * batchSize * ActivationElementsPerExample);

    public static ModelAnalysis Analyze(ModelSpec spec)
    {
        IReadOnlyList<LayerAnalysis> layers = [];
        if (!spec.IsGraph)
        {
            // A sequence is checked as layers first, so its messages point at the layer (and residual body) the user wrote.
            var sequence = AnalyzeSequence(spec);
            if (sequence.Errors.Count > 0) return sequence;
            layers = sequence.Layers;
        }
        var graph = new GraphAnalyzer(spec.SourceFile);
        graph.Analyze(spec.Graph, spec.Input, spec.Classes);
        if (graph.Errors.Count > 0) return new ModelAnalysis(layers, [], graph.Parameters, graph.Errors);
        return new ModelAnalysis(layers, graph.Nodes, graph.Parameters, graph.Errors)
        {
            Graph = new GraphSpec([.. graph.Nodes.Select(n => n.Node)], spec.Graph.Output),
        };
    }

    private static ModelAnalysis AnalyzeSequence(ModelSpec spec)
    {
        var builder = new AnalysisBuilder(spec.SourceFile);
        var shape = spec.Input;
        var layers = new List<LayerAnalysis>();
        for (var i = 0; i < spec.Layers.Count && shape is not null; i++)
        {
            var before = builder.ParameterCount;
            var flopsBefore = builder.Flops;
            var input = shape;
            shape = builder.Apply(spec.Layers[i], shape, $"layers.{i}", $"$.layers[{i}]");
            if (shape is not null)
                layers.Add(new LayerAnalysis(i, spec.Layers[i].Kind, input, shape, builder.ParameterCount - before, builder.Flops - flopsBefore));
        }
        if (shape is not null && (!shape.IsFlat || shape.Channels != spec.Classes))
            builder.Error("$.layers", $"the network ends with shape {shape}; its last layer must output {spec.Classes} values (classes), e.g. a linear layer with out {spec.Classes}");
        return new ModelAnalysis(layers, [], builder.Parameters, builder.Errors);
    }

    private sealed class AnalysisBuilder(string source)
    {
        public List<ParameterInfo> Parameters { get; } = [];
        public List<ValidationError> Errors { get; } = [];
        public long Flops { get; private set; }
        public long ParameterCount => Parameters.Sum(p => p.Elements);

        public void Error(string at, string message) => Errors.Add(new ValidationError(source, at, message));

        public ActivationShape? Apply(LayerSpec layer, ActivationShape x, string name, string at)
        {
            switch (layer)
            {
                case Conv2dLayer c:
                {
                    if (!RequireImage(x, at, "conv2d")) return null;
                    var h = Convolved(x.Height, c.Kernel, c.Stride, c.Padding);
                    var w = Convolved(x.Width, c.Kernel, c.Stride, c.Padding);
                    if (h < 1 || w < 1)
                    {
                        Error(at, $"conv2d kernel {c.Kernel} (padding {c.Padding}) does not fit its {x} input; use a smaller kernel, more padding or fewer pooling layers before it");
                        return null;
                    }
                    var fanIn = x.Channels * c.Kernel * c.Kernel;
                    Parameters.Add(new ParameterInfo($"{name}.weight", [c.OutChannels, x.Channels, c.Kernel, c.Kernel], ParameterRole.ConvWeight, fanIn));
                    if (c.Bias) Parameters.Add(new ParameterInfo($"{name}.bias", [c.OutChannels], ParameterRole.Bias, fanIn));
                    var y = ActivationShape.Image(c.OutChannels, h, w);
                    Flops += 2L * fanIn * y.Elements + (c.Bias ? y.Elements : 0);
                    return y;
                }
                case BatchNorm2dLayer:
                    if (!RequireImage(x, at, "batchnorm2d")) return null;
                    AddNorm(name, x.Channels);
                    Flops += 2 * x.Elements;
                    return x;
                case ReluLayer:
                    Flops += x.Elements;
                    return x;
                case DropoutLayer:
                    return x;
                case MaxPool2dLayer p:
                {
                    if (!RequireImage(x, at, "maxpool2d")) return null;
                    var h = Convolved(x.Height, p.Kernel, p.Stride, 0);
                    var w = Convolved(x.Width, p.Kernel, p.Stride, 0);
                    if (h < 1 || w < 1)
                    {
                        Error(at, $"maxpool2d kernel {p.Kernel} does not fit its {x} input; remove it or use a smaller kernel");
                        return null;
                    }
                    var y = ActivationShape.Image(x.Channels, h, w);
                    Flops += (long)p.Kernel * p.Kernel * y.Elements;
                    return y;
                }
                case GlobalAvgPoolLayer:
                    if (!RequireImage(x, at, "globalavgpool")) return null;
                    Flops += x.Elements;
                    return ActivationShape.Vector(x.Channels);
                case FlattenLayer:
                    return ActivationShape.Vector(checked((int)x.Elements));
                case LinearLayer l:
                {
                    if (!x.IsFlat)
                    {
                        Error(at, $"linear needs a flat input but gets {x}; add a flatten or globalavgpool layer before it");
                        return null;
                    }
                    Parameters.Add(new ParameterInfo($"{name}.weight", [l.OutFeatures, x.Channels], ParameterRole.LinearWeight, x.Channels));
                    if (l.Bias) Parameters.Add(new ParameterInfo($"{name}.bias", [l.OutFeatures], ParameterRole.Bias, x.Channels));
                    Flops += 2L * x.Channels * l.OutFeatures + (l.Bias ? l.OutFeatures : 0);
                    return ActivationShape.Vector(l.OutFeatures);
                }
                case ResidualLayer r:
                    return ApplyResidual(r, x, name, at);
                default:
                    throw new InvalidOperationException($"Layer kind {layer.Kind} has no shape rule.");
            }
        }

        private ActivationShape? ApplyResidual(ResidualLayer r, ActivationShape x, string name, string at)
        {
            if (!RequireImage(x, at, "residual")) return null;
            var y = x;
            var stride = 1;
            for (var j = 0; j < r.Body.Count && y is not null; j++)
            {
                y = Apply(r.Body[j], y, $"{name}.body.{j}", $"{at}.body[{j}]");
                stride *= r.Body[j] switch { Conv2dLayer c => c.Stride, MaxPool2dLayer p => p.Stride, _ => 1 };
                if (y is { IsFlat: true })
                {
                    Error($"{at}.body[{j}]", "a residual body must keep an image shape; flatten, globalavgpool and linear belong after the block");
                    return null;
                }
            }
            if (y is null) return null;
            if (r.Shortcut == ShortcutKind.Identity)
            {
                if (y != x)
                {
                    Error(at, $"identity shortcut needs the body to keep the shape {x}, but it outputs {y}; use \"shortcut\": \"projection\"");
                    return null;
                }
            }
            else
            {
                var projected = ActivationShape.Image(y.Channels, Convolved(x.Height, 1, stride, 0), Convolved(x.Width, 1, stride, 0));
                if (projected != y)
                {
                    Error(at, $"projection shortcut (1x1 conv, stride {stride}) gives {projected} but the body outputs {y}; make the body's padding keep the size (e.g. padding 1 for kernel 3)");
                    return null;
                }
                Parameters.Add(new ParameterInfo($"{name}.shortcut.conv.weight", [y.Channels, x.Channels, 1, 1], ParameterRole.ConvWeight, x.Channels));
                AddNorm($"{name}.shortcut.bn", y.Channels);
                Flops += 2L * x.Channels * y.Elements + 2 * y.Elements;
            }
            Flops += 2 * y.Elements; // the addition and the ReLU after it
            return y;
        }

        private void AddNorm(string name, int channels)
        {
            Parameters.Add(new ParameterInfo($"{name}.weight", [channels], ParameterRole.NormScale, channels));
            Parameters.Add(new ParameterInfo($"{name}.bias", [channels], ParameterRole.NormShift, channels));
            Parameters.Add(new ParameterInfo($"{name}.running_mean", [channels], ParameterRole.RunningMean, channels));
            Parameters.Add(new ParameterInfo($"{name}.running_var", [channels], ParameterRole.RunningVariance, channels));
        }

        private bool RequireImage(ActivationShape x, string at, string kind)
        {
            if (!x.IsFlat) return true;
            Error(at, $"{kind} needs an image input but gets the flat vector {x}; move it before the flatten/globalavgpool layer");
            return false;
        }

        private static int Convolved(int size, int kernel, int stride, int padding) =>
            size + 2 * padding < kernel ? 0 : (size + 2 * padding - kernel) / stride + 1;
    }
}
