using Onnx;
using Versus.Core.Models.Graphs;
using Versus.Core.Weights;
using Versus.Import.Onnx.Reading;

namespace Versus.Import.Onnx.Mapping;

/// <summary>The operations with parameters or geometry: convolution, batch norm, pooling, linear layers, and their checks.</summary>
internal sealed partial class GraphImporter
{
    private Activation Conv(NodeProto node, NodeAttributes a, string describe)
    {
        var x = Image(node, 0, describe);
        var w = Const(node, 1, describe, "weight");
        var groups = a.Int("group", 1);
        if (w.Shape.Length != 4 || !w.IsFloat)
            throw new OnnxImportException($"{describe} has a weight of shape [{string.Join(", ", w.Shape)}]; only 2-D convolutions (weight [out, in/groups, kh, kw], float) are supported");
        if (groups < 1 || w.Shape[0] % groups != 0 || w.Shape[1] * groups != x.Shape.Channels)
            throw new OnnxImportException($"{describe} has weight [{string.Join(", ", w.Shape)}] with group {groups} for an input of {x.Shape.Channels} channels; it needs [out, {x.Shape.Channels}/group, kh, kw]");
        var kernel = new Size2((int)w.Shape[2], (int)w.Shape[3]);
        if (a.Ints("kernel_shape") is { } declared && !declared.SequenceEqual(w.Shape[2..]))
            throw new OnnxImportException($"{describe} declares kernel_shape [{string.Join(", ", declared)}] but its weight is [{string.Join(", ", w.Shape)}]");
        var stride = Windows.Pair(a.Ints("strides"), 1, "strides", describe);
        var dilation = Windows.Pair(a.Ints("dilations"), 1, "dilations", describe);
        var extent = new Size2(dilation.Height * (kernel.Height - 1) + 1, dilation.Width * (kernel.Width - 1) + 1);
        var padding = Windows.Padding(a.String("auto_pad", "NOTSET"), a.Ints("pads"), x.Shape.Height, x.Shape.Width, extent, stride, describe);
        var outChannels = (int)w.Shape[0];
        var parameters = new Dictionary<string, NamedTensor> { ["weight"] = Tensor("weight", [.. w.Shape.Select(d => (int)d)], w.Floats!) };
        if (HasInput(node, 2))
            parameters["bias"] = Tensor("bias", [outChannels], Vector(Const(node, 2, describe, "bias"), outChannels, describe, "bias"));
        var op = new ConvOp(outChannels, kernel, stride, dilation, padding, (int)groups, parameters.ContainsKey("bias"));
        return Emit(op, [x], node, describe, parameters);
    }

    /// <summary>ONNX's running = momentum * running + (1 - momentum) * batch; PyTorch's momentum is the batch's share, 1 - ONNX's.</summary>
    private Activation BatchNorm(NodeProto node, NodeAttributes a, string describe)
    {
        var x = Image(node, 0, describe);
        var channels = x.Shape.Channels;
        string[] roles = ["weight", "bias", "running_mean", "running_var"];
        var parameters = new Dictionary<string, NamedTensor>();
        for (var i = 0; i < roles.Length; i++)
            parameters[roles[i]] = Tensor(roles[i], [channels], Vector(Const(node, i + 1, describe, roles[i]), channels, describe, roles[i]));
        var op = new BatchNormOp(a.Decimal("epsilon", 1e-5f), Math.Round(1 - a.Decimal("momentum", 0.9f), 9));
        return Emit(op, [x], node, describe, parameters);
    }

    private Activation Clip(NodeProto node, NodeAttributes a, string describe)
    {
        var x = Act(node, 0, describe);
        double min, max;
        if (opset < 11)
        {
            min = a.Decimal("min", float.MinValue);
            max = a.Decimal("max", float.MaxValue);
        }
        else
        {
            min = HasInput(node, 1) ? NodeAttributes.Exact((float)Const(node, 1, describe, "min").Scalar($"{describe}'s min")) : float.MinValue;
            max = HasInput(node, 2) ? NodeAttributes.Exact((float)Const(node, 2, describe, "max").Scalar($"{describe}'s max")) : float.MaxValue;
        }
        if (min > max) throw new OnnxImportException($"{describe} clips to [{min}, {max}], an empty range");
        if (min == 0 && max >= float.MaxValue) return Emit(new ReluOp(), [x], node, describe);
        // A spec's clip bounds lie within +-1e6; an open side (ONNX: the float range) is that far, beyond any activation.
        var op = new ClipOp(Math.Clamp(min, -OpenBound, OpenBound), Math.Clamp(max, -OpenBound, OpenBound));
        return Emit(op, [x], node, describe);
    }

    private const double OpenBound = 1e6;

    private Activation HardSwishProduct(NodeProto node, string describe)
    {
        if (node.Input.Count == 2)
        {
            var (left, right) = (values[node.Input[0]], values[node.Input[1]]);
            if (left is Activation x && right is PendingHardSigmoid h && h.Of == x || right is Activation y && left is PendingHardSigmoid g && g.Of == y)
                return Emit(new HardSwishOp(), [(left as Activation ?? (Activation)right)], node, describe);
        }
        throw new OnnxImportException($"{describe} is not supported: Mul is mapped only as hard-swish, x * HardSigmoid(x); supported: {string.Join(", ", Supported)}");
    }

    private Activation Pool(NodeProto node, NodeAttributes a, string describe)
    {
        var x = Image(node, 0, describe);
        var kernelShape = a.Ints("kernel_shape") ?? throw new OnnxImportException($"{describe} has no kernel_shape");
        var kernel = Windows.Pair(kernelShape, 1, "kernel_shape", describe);
        var stride = Windows.Pair(a.Ints("strides"), 1, "strides", describe);
        if (a.Ints("dilations") is { } dilations && dilations.Any(d => d != 1))
            throw new OnnxImportException($"{describe} has dilations [{string.Join(", ", dilations)}]; dilated pooling is not supported");
        var padding = Windows.Padding(a.String("auto_pad", "NOTSET"), a.Ints("pads"), x.Shape.Height, x.Shape.Width, kernel, stride, describe);
        var ceil = a.Int("ceil_mode", 0) != 0;
        NodeOp op = node.OpType == "MaxPool"
            ? new MaxPoolOp(kernel, stride, padding, ceil)
            : new AvgPoolOp(kernel, stride, padding, ceil, a.Int("count_include_pad", 0) != 0);
        if (node.OpType == "MaxPool" && a.Int("storage_order", 0) != 0 && node.Output.Count > 1)
            throw new OnnxImportException($"{describe} has storage_order 1; only the default row-major indices are supported");
        return Emit(op, [x], node, describe);
    }

    private Activation Flatten(NodeProto node, Activation x, string describe) =>
        x.Shape.IsFlat ? x with { Dims = [x.Shape.Channels] } : Emit(new FlattenOp(), [x], node, describe);

    /// <summary>Reshape is taken only as a flatten: to [N, -1], [0, -1], [-1, C*H*W] or [N, C*H*W] with N the batch.</summary>
    private Activation Reshape(NodeProto node, string describe)
    {
        var x = Act(node, 0, describe);
        var target = Const(node, 1, describe, "shape").AsIntegers();
        var features = x.Dims.Aggregate(1L, (p, d) => p * d);
        var batchOk = target.Length == 2 && (target[0] is 0 or Constant.BatchDimension || target[0] == batch || target[0] == -1 && target[1] == features);
        if (!batchOk || target[1] != -1 && target[1] != features)
        {
            var shown = string.Join(", ", target.Select(d => d == Constant.BatchDimension ? "N" : d.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            throw new OnnxImportException($"{describe} reshapes {string.Join(" x ", x.Dims)} per example to [{shown}]; Reshape is supported only as a flatten to [N, -1]");
        }
        return Flatten(node, x, describe);
    }

    /// <summary>Gemm(A, B, C) = alpha * A * B' + beta * C with B' = B or its transpose; alpha and beta are folded into the weights.</summary>
    private Activation Gemm(NodeProto node, NodeAttributes a, string describe)
    {
        var x = Flat(node, describe);
        if (a.Int("transA", 0) != 0)
            throw new OnnxImportException($"{describe} has transA 1; only activations as the left operand, untransposed, are supported");
        var b = Const(node, 1, describe, "weight");
        var weight = LinearWeight(b, a.Int("transB", 0) != 0, x.Shape.Channels, describe);
        var alpha = a.Float("alpha", 1f);
        if (alpha != 1f) for (var i = 0; i < weight.Data.Length; i++) weight.Data[i] *= alpha;
        var parameters = new Dictionary<string, NamedTensor> { ["weight"] = weight };
        var outFeatures = weight.Shape[0];
        if (HasInput(node, 2))
        {
            var bias = Vector(Const(node, 2, describe, "bias"), outFeatures, describe, "bias", allowBroadcast: true);
            var beta = a.Float("beta", 1f);
            parameters["bias"] = Tensor("bias", [outFeatures], [.. bias.Select(v => v * beta)]);
        }
        return Emit(new LinearOp(outFeatures, parameters.ContainsKey("bias")), [x], node, describe, parameters);
    }

    private Activation MatMul(NodeProto node, string describe)
    {
        var x = Flat(node, describe);
        var weight = LinearWeight(Const(node, 1, describe, "weight"), transposed: false, x.Shape.Channels, describe);
        var result = Emit(new LinearOp(weight.Shape[0], Bias: false), [x], node, describe, new() { ["weight"] = weight });
        fromMatMul.Add(nodes.Count - 1);
        return result;
    }

    /// <summary>Two activations are summed; a constant added to a MatMul's output (read nowhere else) becomes that linear layer's bias.</summary>
    private Activation Add(NodeProto node, string describe)
    {
        var (left, right) = (values[node.Input[0]], values[node.Input[1]]);
        if (left is Activation l && right is Activation r) return Emit(new AddOp(), [l, r], node, describe);
        var (activation, constant) = left is Known k ? (right as Activation, k.Tensor) : (left as Activation, (right as Known)?.Tensor);
        if (activation is not null && constant is not null && int.TryParse(activation.Node.AsSpan(1), out var index)
            && fromMatMul.Contains(index) && nodes[index].Op is LinearOp { Bias: false } linear
            && uses.GetValueOrDefault(node.Input[left is Known ? 1 : 0]) == 1)
        {
            nodes[index].Parameters["bias"] = Tensor("bias", [linear.OutFeatures], Vector(constant, linear.OutFeatures, describe, "bias", allowBroadcast: true));
            nodes[index].Op = linear with { Bias = true };
            return activation;
        }
        throw new OnnxImportException($"{describe} adds a constant; Add is supported for two activations, or as the bias after a MatMul");
    }

    private Activation Dropout(NodeProto node, NodeAttributes a, string describe)
    {
        var x = Act(node, 0, describe);
        var ratio = opset < 12 ? a.Decimal("ratio", 0.5f)
            : HasInput(node, 1) ? NodeAttributes.Exact((float)Const(node, 1, describe, "ratio").Scalar($"{describe}'s ratio")) : 0.5;
        if (ratio is < 0 or > 0.99) throw new OnnxImportException($"{describe} has ratio {ratio}; allowed: 0 to 0.99");
        return Emit(new DropoutOp(ratio), [x], node, describe);
    }

    private Activation Flat(NodeProto node, string describe)
    {
        var x = Act(node, 0, describe);
        if (!x.Shape.IsFlat || x.Dims.Length != 1)
            throw new OnnxImportException($"{describe} needs a 2-D input [N, features] but gets {string.Join(" x ", x.Dims)} per example; flatten it first");
        return x;
    }

    /// <summary>The canonical [out, in] weight from ONNX's B: [in, out], or [out, in] when transposed (Gemm's transB).</summary>
    private static NamedTensor LinearWeight(Constant b, bool transposed, int inFeatures, string describe)
    {
        if (b.Shape.Length != 2 || !b.IsFloat || b.Shape[transposed ? 1 : 0] != inFeatures)
            throw new OnnxImportException($"{describe} has a weight of shape [{string.Join(", ", b.Shape)}]{(transposed ? " (transB)" : "")} for {inFeatures} input features; it needs [{(transposed ? $"out, {inFeatures}" : $"{inFeatures}, out")}]");
        if (transposed) return Tensor("weight", [(int)b.Shape[0], (int)b.Shape[1]], (float[])b.Floats!.Clone());
        var (rows, columns) = ((int)b.Shape[0], (int)b.Shape[1]);
        var data = new float[b.Floats!.Length];
        for (var i = 0; i < rows; i++)
            for (var j = 0; j < columns; j++)
                data[j * rows + i] = b.Floats[i * columns + j];
        return Tensor("weight", [columns, rows], data);
    }

    /// <summary>A per-channel parameter: exactly <paramref name="length"/> values (or, where broadcasting allows, one for all).</summary>
    private static float[] Vector(Constant c, int length, string describe, string role, bool allowBroadcast = false)
    {
        if (c.Elements == length && c.Shape.Count(d => d != 1) <= 1) return c.AsFloats();
        if (allowBroadcast && c.Elements == 1) return Enumerable.Repeat(c.AsFloats()[0], length).ToArray();
        throw new OnnxImportException($"{describe} has a {role} of shape [{string.Join(", ", c.Shape)}]; it needs {length} values, one per channel");
    }
}
