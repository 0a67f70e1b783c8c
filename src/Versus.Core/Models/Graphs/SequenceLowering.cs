namespace Versus.Core.Models.Graphs;

/// <summary>
/// A layer sequence as the graph it means. Node names are the canonical parameter prefixes the sequence has always
/// used (<c>layers.{i}</c>, <c>layers.{i}.body.{j}</c>, <c>layers.{i}.shortcut.conv</c>), so a sequence's weight file
/// is the same whether it is read as layers or as a graph.
/// </summary>
public static class SequenceLowering
{
    /// <param name="layers">The sequence, repeats expanded.</param>
    /// <param name="inputChannels">The model input's channels (a projection shortcut of a body without a convolution keeps them).</param>
    public static GraphSpec Lower(IReadOnlyList<LayerSpec> layers, int inputChannels)
    {
        var nodes = new List<GraphNode>();
        var value = GraphSpec.InputName;
        var channels = inputChannels;
        for (var i = 0; i < layers.Count; i++)
            (value, channels) = Add(nodes, layers[i], value, channels, $"layers.{i}", $"$.layers[{i}]");
        return new GraphSpec(nodes, value);
    }

    private static (string Value, int Channels) Add(List<GraphNode> nodes, LayerSpec layer, string input, int channels, string name, string at)
    {
        if (layer is ResidualLayer residual) return AddResidual(nodes, residual, input, channels, name, at);
        nodes.Add(new GraphNode(name, ToOp(layer), [input], at));
        return (name, layer switch { Conv2dLayer c => c.OutChannels, LinearLayer l => l.OutFeatures, _ => channels });
    }

    private static (string Value, int Channels) AddResidual(List<GraphNode> nodes, ResidualLayer residual, string input, int inChannels,
        string name, string at)
    {
        var body = input;
        var channels = inChannels;
        var stride = 1;
        for (var j = 0; j < residual.Body.Count; j++)
        {
            (body, channels) = Add(nodes, residual.Body[j], body, channels, $"{name}.body.{j}", $"{at}.body[{j}]");
            stride *= residual.Body[j] switch { Conv2dLayer c => c.Stride, MaxPool2dLayer p => p.Stride, _ => 1 };
        }
        var shortcut = input;
        if (residual.Shortcut == ShortcutKind.Projection)
        {
            nodes.Add(new GraphNode($"{name}.shortcut.conv",
                new ConvOp(channels, Size2.Square(1), Size2.Square(stride), Size2.Square(1), Padding2.None, Bias: false), [input], at));
            // The spec fixes the shortcut's batch norm at PyTorch's defaults.
            nodes.Add(new GraphNode($"{name}.shortcut.bn", new BatchNormOp(), [$"{name}.shortcut.conv"], at));
            shortcut = $"{name}.shortcut.bn";
        }
        nodes.Add(new GraphNode($"{name}.add", new AddOp(), [body, shortcut], at));
        nodes.Add(new GraphNode($"{name}.relu", new ReluOp(), [$"{name}.add"], at));
        return ($"{name}.relu", channels);
    }

    private static NodeOp ToOp(LayerSpec layer) => layer switch
    {
        Conv2dLayer c => new ConvOp(c.OutChannels, Size2.Square(c.Kernel), Size2.Square(c.Stride), Size2.Square(1),
            Padding2.Symmetric(c.Padding, c.Padding), Bias: c.Bias),
        BatchNorm2dLayer b => new BatchNormOp(b.Epsilon, b.Momentum),
        ReluLayer => new ReluOp(),
        MaxPool2dLayer p => new MaxPoolOp(Size2.Square(p.Kernel), Size2.Square(p.Stride), Padding2.None),
        GlobalAvgPoolLayer => new GlobalAvgPoolOp(),
        FlattenLayer => new FlattenOp(),
        LinearLayer l => new LinearOp(l.OutFeatures, l.Bias),
        DropoutLayer d => new DropoutOp(d.Probability),
        _ => throw new ArgumentOutOfRangeException(nameof(layer), layer.Kind, "a layer kind with no graph operation"),
    };
}
