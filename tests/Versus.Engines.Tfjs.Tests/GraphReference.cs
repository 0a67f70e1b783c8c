using TorchSharp;
using TorchSharp.Modules;
using Versus.Core.Data;
using Versus.Core.Models;
using Versus.Core.Models.Graphs;
using Versus.Core.Weights;
using Versus.Engines.TorchSharp;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace Versus.Engines.Tfjs.Tests;

/// <summary>
/// A graph spec run by libtorch's own operators (torch.nn.functional, NCHW, canonical weights as they are), node by
/// node: the reference the TensorFlow.js graph builder is checked against, independent of any engine's module code.
/// Pooling uses PyTorch's own padding and ceil rule (symmetric padding only); convolutions pad explicitly (any sides).
/// Training is PyTorch's: cross-entropy, SGD with momentum (the graph training spec's optimizer), batch norm updating its
/// running statistics.
/// </summary>
internal sealed class GraphReference : IDisposable
{
    private static readonly Lazy<bool> Loadable = new(() =>
    {
        // The provider makes libtorch loadable on this system (and fails clearly where it cannot).
        new TorchSharpEngineProvider().Load(1).Dispose();
        return true;
    });

    private readonly ModelSpec spec;
    private readonly Dictionary<string, Tensor> state = [];
    private readonly List<Parameter> parameters = [];
    private readonly Tensor trainImages;
    private readonly Tensor trainLabels;
    private readonly Tensor testImages;
    private readonly optim.Optimizer optimizer;

    public GraphReference(ModelSpec spec, WeightSet weights, DataSource source)
    {
        _ = Loadable.Value;
        this.spec = spec;
        foreach (var t in weights.Tensors)
        {
            var value = tensor(t.Data, [.. t.Shape.Select(d => (long)d)]);
            if (t.Name.EndsWith(".running_mean", StringComparison.Ordinal) || t.Name.EndsWith(".running_var", StringComparison.Ordinal))
            {
                state[t.Name] = value;
                continue;
            }
            var parameter = new Parameter(value);
            parameters.Add(parameter);
            state[t.Name] = parameter;
        }
        var data = DatasetLoader.Load(source, spec.Input, spec.Classes);
        var (c, h, w) = (spec.Input.Channels, spec.Input.Height, spec.Input.Width);
        trainImages = tensor(data.Train.Pixels, [data.Train.Count, c, h, w], ScalarType.Byte).to_type(ScalarType.Float32).div_(255f);
        trainLabels = tensor(data.Train.Labels, [data.Train.Count], ScalarType.Int32).to_type(ScalarType.Int64);
        testImages = tensor(data.Test.Pixels, [data.Test.Count, c, h, w], ScalarType.Byte).to_type(ScalarType.Float32).div_(255f);
        var training = spec.Training;
        if (training.Optimizer != OptimizerKind.Sgd)
            throw new NotSupportedException($"The graph reference trains with SGD only, not {training.Optimizer}.");
        optimizer = optim.SGD(parameters, training.LearningRate, training.Momentum);
    }

    /// <summary>Logits of the test images at <paramref name="indices"/>, in evaluation mode, row-major.</summary>
    public float[] Predict(int[] indices)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        using var index = tensor(indices.Select(i => (long)i).ToArray());
        return Forward(testImages.index_select(0, index), training: false).contiguous().data<float>().ToArray();
    }

    /// <summary>The test images at <paramref name="indices"/> as pixels in [0, 1], N x C x H x W.</summary>
    public float[] TestImages(int[] indices)
    {
        using var scope = NewDisposeScope();
        using var index = tensor(indices.Select(i => (long)i).ToArray());
        return testImages.index_select(0, index).contiguous().data<float>().ToArray();
    }

    /// <summary>One optimizer step on the training images at <paramref name="indices"/>; the mean cross-entropy before it.</summary>
    public double TrainStep(ReadOnlySpan<int> indices)
    {
        using var scope = NewDisposeScope();
        using var index = tensor(indices.ToArray().Select(i => (long)i).ToArray());
        var loss = F.cross_entropy(Forward(trainImages.index_select(0, index), training: true), trainLabels.index_select(0, index));
        optimizer.zero_grad();
        loss.backward();
        optimizer.step();
        return loss.item<float>();
    }

    private Tensor Forward(Tensor input, bool training)
    {
        var values = new Dictionary<string, Tensor> { [GraphSpec.InputName] = input };
        foreach (var node in spec.Graph.Nodes)
            values[node.Name] = Apply(node, [.. node.Inputs.Select(i => values[i])], training);
        return values[spec.Graph.Output];
    }

    private Tensor Apply(GraphNode node, Tensor[] inputs, bool training)
    {
        var x = inputs[0];
        var p = (string part) => state[$"{node.Name}.{part}"];
        switch (node.Op)
        {
            case ConvOp c:
                x = F.pad(x, [c.Padding.Left, c.Padding.Right, c.Padding.Top, c.Padding.Bottom]);
                return F.conv2d(x, p("weight"), c.Bias ? p("bias") : null, Pair(c.Stride), [0, 0], Pair(c.Dilation), c.Groups);
            case BatchNormOp b:
                return F.batch_norm(x, p("running_mean"), p("running_var"), p("weight"), p("bias"), training, b.Momentum, b.Epsilon);
            case ReluOp: return F.relu(x);
            case ClipOp c: return x.clamp(c.Min, c.Max);
            case LeakyReluOp l: return F.leaky_relu(x, l.Alpha);
            case SigmoidOp: return F.sigmoid(x);
            case HardSwishOp: return F.hardswish(x);
            case MaxPoolOp m:
                return F.max_pool2d(x, Pair(m.Kernel), Pair(m.Stride), Symmetric(m.Padding), [1, 1], m.CeilMode);
            case AvgPoolOp a:
                return F.avg_pool2d(x, Pair(a.Kernel), Pair(a.Stride), Symmetric(a.Padding), a.CeilMode, a.CountIncludePad);
            case GlobalAvgPoolOp: return x.mean([2, 3]);
            case FlattenOp: return x.flatten(1);
            case LinearOp l: return F.linear(x, p("weight"), l.Bias ? p("bias") : null);
            case AddOp: return inputs[0] + inputs[1];
            case ConcatOp: return cat(inputs, 1);
            case DropoutOp d: return F.dropout(x, d.Probability, training);
            default: throw new NotSupportedException($"The reference has no operator for '{node.Op.Kind}'.");
        }
    }

    private static long[] Pair(Size2 s) => [s.Height, s.Width];

    private static long[] Symmetric(Padding2 p) =>
        p.IsSymmetric ? [p.Top, p.Left] : throw new NotSupportedException($"The reference pools with symmetric padding only, not {p}.");

    public void Dispose()
    {
        optimizer.Dispose();
        foreach (var t in state.Values) t.Dispose();
        trainImages.Dispose();
        trainLabels.Dispose();
        testImages.Dispose();
    }
}
