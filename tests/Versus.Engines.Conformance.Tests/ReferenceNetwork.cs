using Versus.Core.Models;
using Versus.Core.Models.Graphs;
using Versus.Core.Weights;

namespace Versus.Engines.Conformance.Tests;

/// <summary>
/// The conformance oracle: every graph operation written as the plain loops its definition states (docs/model-spec.md),
/// in double precision, one example at a time except batch norm in training mode, which needs the batch. Slow and
/// obviously right is the point: no engine shares a line of it.
/// </summary>
internal sealed class ReferenceNetwork(ModelSpec spec, WeightSet weights)
{
    private readonly ModelAnalysis analysis = ModelAnalysis.Analyze(spec);

    /// <summary>Logits of each image (C x H x W, already scaled to [0, 1]); <paramref name="training"/> normalises with batch statistics.</summary>
    public double[][] Forward(IReadOnlyList<double[]> images, bool training = false)
    {
        var values = new Dictionary<string, double[][]>(StringComparer.Ordinal) { [GraphSpec.InputName] = [.. images] };
        foreach (var node in analysis.Nodes)
        {
            var inputs = node.Node.Inputs.Select(name => values[name]).ToList();
            values[node.Name] = node.Node.Op is BatchNormOp b
                ? BatchNorm(node, inputs[0], b, training)
                : [.. Enumerable.Range(0, images.Count).Select(i => Apply(node, [.. inputs.Select(v => v[i])]))];
        }
        return values[spec.Graph.Output];
    }

    /// <summary>Mean cross-entropy of the logits against the labels: the loss every engine reports for a step.</summary>
    public static double CrossEntropy(double[][] logits, IReadOnlyList<int> labels)
    {
        double total = 0;
        for (var i = 0; i < logits.Length; i++)
        {
            var max = logits[i].Max();
            var logSum = max + Math.Log(logits[i].Sum(v => Math.Exp(v - max)));
            total += logSum - logits[i][labels[i]];
        }
        return total / logits.Length;
    }

    private double[] Apply(NodeAnalysis node, double[][] x) => node.Node.Op switch
    {
        ConvOp c => Conv(node, c, x[0]),
        ReluOp => [.. x[0].Select(v => Math.Max(v, 0))],
        ClipOp c => [.. x[0].Select(v => Math.Min(Math.Max(v, c.Min), c.Max))],
        LeakyReluOp l => [.. x[0].Select(v => v >= 0 ? v : l.Alpha * v)],
        SigmoidOp => [.. x[0].Select(v => 1 / (1 + Math.Exp(-v)))],
        HardSwishOp => [.. x[0].Select(v => v * Math.Min(Math.Max(v + 3, 0), 6) / 6)],
        MaxPoolOp p => Pool(node, x[0], p.Kernel, p.Stride, p.Padding, window => window.Max(), null),
        AvgPoolOp p => Pool(node, x[0], p.Kernel, p.Stride, p.Padding, window => window.Sum(), p.CountIncludePad),
        GlobalAvgPoolOp => GlobalAverage(node, x[0]),
        FlattenOp or DropoutOp => x[0],
        LinearOp l => Linear(node, l, x[0]),
        AddOp => [.. x[0].Zip(x[1], (a, b) => a + b)],
        ConcatOp => [.. x.SelectMany(v => v)],
        _ => throw new NotSupportedException($"The reference has no rule for {node.Node.Op.Kind}."),
    };

    private double[] Conv(NodeAnalysis node, ConvOp c, double[] x)
    {
        var (inShape, outShape) = (node.InputShapes[0], node.OutputShape);
        var w = weights[$"{node.Name}.weight"].Data;
        var bias = c.Bias ? weights[$"{node.Name}.bias"].Data : null;
        var inPerGroup = inShape.Channels / c.Groups;
        var outPerGroup = c.OutChannels / c.Groups;
        var y = new double[outShape.Elements];
        for (var o = 0; o < c.OutChannels; o++)
        {
            var group = o / outPerGroup;
            for (var oy = 0; oy < outShape.Height; oy++)
                for (var ox = 0; ox < outShape.Width; ox++)
                {
                    double sum = bias?[o] ?? 0;
                    for (var ci = 0; ci < inPerGroup; ci++)
                        for (var ky = 0; ky < c.Kernel.Height; ky++)
                            for (var kx = 0; kx < c.Kernel.Width; kx++)
                            {
                                var iy = oy * c.Stride.Height - c.Padding.Top + ky * c.Dilation.Height;
                                var ix = ox * c.Stride.Width - c.Padding.Left + kx * c.Dilation.Width;
                                if (iy < 0 || ix < 0 || iy >= inShape.Height || ix >= inShape.Width) continue;
                                var weight = w[((o * inPerGroup + ci) * c.Kernel.Height + ky) * c.Kernel.Width + kx];
                                sum += weight * x[((group * inPerGroup + ci) * inShape.Height + iy) * inShape.Width + ix];
                            }
                    y[(o * outShape.Height + oy) * outShape.Width + ox] = sum;
                }
        }
        return y;
    }

    /// <summary>
    /// A pooling window over the input positions it covers. Padding is never a value: max ignores it; the average divides
    /// by the covered input positions, or with <paramref name="countIncludePad"/> by the window clipped to the padded input.
    /// </summary>
    private static double[] Pool(NodeAnalysis node, double[] x, Size2 kernel, Size2 stride, Padding2 padding,
        Func<List<double>, double> reduce, bool? countIncludePad)
    {
        var (inShape, outShape) = (node.InputShapes[0], node.OutputShape);
        var y = new double[outShape.Elements];
        for (var c = 0; c < inShape.Channels; c++)
            for (var oy = 0; oy < outShape.Height; oy++)
                for (var ox = 0; ox < outShape.Width; ox++)
                {
                    var top = oy * stride.Height - padding.Top;
                    var left = ox * stride.Width - padding.Left;
                    var window = new List<double>();
                    for (var iy = Math.Max(top, 0); iy < Math.Min(top + kernel.Height, inShape.Height); iy++)
                        for (var ix = Math.Max(left, 0); ix < Math.Min(left + kernel.Width, inShape.Width); ix++)
                            window.Add(x[(c * inShape.Height + iy) * inShape.Width + ix]);
                    var value = reduce(window);
                    if (countIncludePad is { } includePad)
                    {
                        var divisor = includePad
                            ? (Math.Min(top + kernel.Height, inShape.Height + padding.Bottom) - top) * (Math.Min(left + kernel.Width, inShape.Width + padding.Right) - left)
                            : window.Count;
                        value /= divisor;
                    }
                    y[(c * outShape.Height + oy) * outShape.Width + ox] = value;
                }
        return y;
    }

    private static double[] GlobalAverage(NodeAnalysis node, double[] x)
    {
        var shape = node.InputShapes[0];
        var area = shape.Height * shape.Width;
        return [.. Enumerable.Range(0, shape.Channels).Select(c => x.Skip(c * area).Take(area).Average())];
    }

    private double[] Linear(NodeAnalysis node, LinearOp l, double[] x)
    {
        var w = weights[$"{node.Name}.weight"].Data;
        var bias = l.Bias ? weights[$"{node.Name}.bias"].Data : null;
        var y = new double[l.OutFeatures];
        for (var o = 0; o < l.OutFeatures; o++)
        {
            double sum = bias?[o] ?? 0;
            for (var i = 0; i < x.Length; i++) sum += w[o * x.Length + i] * x[i];
            y[o] = sum;
        }
        return y;
    }

    /// <summary>Evaluation mode: the running statistics. Training mode: the batch's mean and biased variance per channel.</summary>
    private double[][] BatchNorm(NodeAnalysis node, double[][] batch, BatchNormOp b, bool training)
    {
        var shape = node.InputShapes[0];
        var area = shape.Height * shape.Width;
        var gamma = weights[$"{node.Name}.weight"].Data;
        var beta = weights[$"{node.Name}.bias"].Data;
        var mean = weights[$"{node.Name}.running_mean"].Data.Select(v => (double)v).ToArray();
        var variance = weights[$"{node.Name}.running_var"].Data.Select(v => (double)v).ToArray();
        if (training)
        {
            for (var c = 0; c < shape.Channels; c++)
            {
                var values = batch.SelectMany(x => x.Skip(c * area).Take(area)).ToList();
                mean[c] = values.Average();
                variance[c] = values.Average(v => (v - mean[c]) * (v - mean[c]));
            }
        }
        return [.. batch.Select(x => x.Select((v, i) =>
        {
            var c = i / area;
            return (v - mean[c]) / Math.Sqrt(variance[c] + b.Epsilon) * gamma[c] + beta[c];
        }).ToArray())];
    }
}
