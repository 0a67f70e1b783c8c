using TorchSharp;
using TorchSharp.Modules;
using Versus.Core.Models;
using static TorchSharp.torch;

namespace Versus.Engines.TorchSharp.Modules;

/// <summary>Builds TorchSharp modules from a spec. Initial values do not matter: the shared weight set overwrites them.</summary>
internal static class NetworkBuilder
{
    public static SpecNetwork Build(ModelSpec spec, ModelAnalysis analysis)
    {
        if (analysis.Errors.Count > 0 || analysis.Layers.Count != spec.Layers.Count)
            throw new ArgumentException($"The spec {spec.Id} is not valid: {string.Join("; ", analysis.Errors.Select(e => e.ToString()))}", nameof(spec));
        var layers = new List<(string, nn.Module<Tensor, Tensor>)>(spec.Layers.Count);
        for (var i = 0; i < spec.Layers.Count; i++)
            layers.Add(($"{i}", Create(spec.Layers[i], analysis.Layers[i].InputShape.Channels)));
        return new SpecNetwork(nn.Sequential(layers));
    }

    /// <summary>One layer; <paramref name="inChannels"/> is the input's channel count, or its feature count once flat.</summary>
    private static nn.Module<Tensor, Tensor> Create(LayerSpec layer, int inChannels) => layer switch
    {
        Conv2dLayer c => nn.Conv2d(inChannels, c.OutChannels, c.Kernel, stride: c.Stride, padding: c.Padding, bias: c.Bias),
        BatchNorm2dLayer b => nn.BatchNorm2d(inChannels, eps: b.Epsilon, momentum: b.Momentum),
        ReluLayer => nn.ReLU(),
        MaxPool2dLayer p => nn.MaxPool2d(p.Kernel, p.Stride),
        GlobalAvgPoolLayer => new GlobalAveragePool(),
        FlattenLayer => nn.Flatten(),
        LinearLayer l => nn.Linear(inChannels, l.OutFeatures, hasBias: l.Bias),
        DropoutLayer d => nn.Dropout(d.Probability),
        ResidualLayer r => CreateResidual(r, inChannels),
        _ => throw new NotSupportedException($"The TorchSharp engine has no mapping for layer kind '{layer.Kind}'."),
    };

    private static ResidualBlock CreateResidual(ResidualLayer residual, int inChannels)
    {
        var body = new List<(string, nn.Module<Tensor, Tensor>)>(residual.Body.Count);
        var channels = inChannels;
        var stride = 1;
        for (var j = 0; j < residual.Body.Count; j++)
        {
            var layer = residual.Body[j];
            body.Add(($"{j}", Create(layer, channels)));
            channels = OutChannels(layer, channels);
            stride *= layer switch { Conv2dLayer c => c.Stride, MaxPool2dLayer p => p.Stride, _ => 1 };
        }
        Sequential? shortcut = null;
        if (residual.Shortcut == ShortcutKind.Projection)
        {
            shortcut = nn.Sequential(
                ("conv", nn.Conv2d(inChannels, channels, 1, stride: stride, bias: false)),
                // The spec fixes the shortcut's batch norm at PyTorch's defaults.
                ("bn", nn.BatchNorm2d(channels)));
        }
        return new ResidualBlock(nn.Sequential(body), shortcut);
    }

    private static int OutChannels(LayerSpec layer, int inChannels) => layer switch
    {
        Conv2dLayer c => c.OutChannels,
        ResidualLayer r => r.Body.Aggregate(inChannels, (channels, l) => OutChannels(l, channels)),
        _ => inChannels,
    };
}
