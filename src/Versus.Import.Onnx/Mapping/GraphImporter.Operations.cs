using Onnx;
using Versus.Core.Models;
using Versus.Core.Models.Graphs;
using Versus.Core.Weights;
using Versus.Import.Onnx.Reading;

namespace Versus.Import.Onnx.Mapping;

/// <summary>The mapping of each supported ONNX operation to a spec node, a folded constant or an alias.</summary>
internal sealed partial class GraphImporter
{
    public static readonly string[] Supported =
    [
        "Conv", "BatchNormalization", "Relu", "Clip", "LeakyRelu", "Sigmoid", "HardSwish", "HardSigmoid (x * HardSigmoid(x))",
        "MaxPool", "AveragePool", "GlobalAveragePool", "Flatten", "Reshape (to N x -1)", "Gemm", "MatMul (+ Add bias)", "Add",
        "Concat", "Dropout", "Identity", "Constant", "Shape", "Gather", "Unsqueeze", "Squeeze", "Cast",
    ];

    private void Map(NodeProto node, string describe)
    {
        var a = new NodeAttributes(node, describe);
        if (node.Input.Where(n => n.Length > 0).All(n => values[n] is Known) && node.OpType is not ("Shape" or "Constant")
            && ConstantFolding.Operations.Contains(node.OpType))
        {
            Set(node, FoldConstant(node, a, describe));
            return;
        }
        switch (node.OpType)
        {
            case "Constant":
                Set(node, new Known(ConstantFolding.FromConstantNode(a, describe)));
                break;
            case "Identity" or "Cast" when values[node.Input[0]] is Activation:
                if (node.OpType == "Cast" && a.Int("to", 1) != 1)
                    throw new OnnxImportException($"{describe} casts an activation to element type {a.Int("to", 1)}; only float32 activations are supported");
                Set(node, values[node.Input[0]]);
                break;
            case "Shape":
                Set(node, new Known(values[node.Input[0]] switch
                {
                    Activation x => ConstantFolding.ShapeOf(x.Dims, batch, a),
                    Known k => Constant.Vector(k.Tensor.Shape),
                    _ => throw Unsupported(node, describe),
                }));
                break;
            case "Conv":
                Set(node, Conv(node, a, describe));
                break;
            case "BatchNormalization":
                Set(node, BatchNorm(node, a, describe));
                break;
            case "Relu":
                Set(node, Emit(new ReluOp(), [Act(node, 0, describe)], node, describe));
                break;
            case "Sigmoid":
                Set(node, Emit(new SigmoidOp(), [Act(node, 0, describe)], node, describe));
                break;
            case "HardSwish":
                Set(node, Emit(new HardSwishOp(), [Act(node, 0, describe)], node, describe));
                break;
            case "LeakyRelu":
                Set(node, Emit(new LeakyReluOp(a.Decimal("alpha", 0.01f)), [Act(node, 0, describe)], node, describe));
                break;
            case "Clip":
                Set(node, Clip(node, a, describe));
                break;
            case "HardSigmoid":
                if (Math.Abs(a.Float("alpha", 0.2f) - 1.0 / 6) > 1e-6 || Math.Abs(a.Float("beta", 0.5f) - 0.5) > 1e-6)
                    throw new OnnxImportException($"{describe} has alpha {a.Float("alpha", 0.2f)} and beta {a.Float("beta", 0.5f)}; HardSigmoid is supported only as hard-swish's x * HardSigmoid(x) with alpha 1/6 and beta 0.5");
                Set(node, new PendingHardSigmoid(Act(node, 0, describe), node.Name));
                break;
            case "Mul":
                Set(node, HardSwishProduct(node, describe));
                break;
            case "MaxPool" or "AveragePool":
                Set(node, Pool(node, a, describe));
                break;
            case "GlobalAveragePool":
                var pooled = Emit(new GlobalAvgPoolOp(), [Image(node, 0, describe)], node, describe);
                Set(node, pooled with { Dims = [pooled.Shape.Channels, 1, 1] });
                break;
            case "Flatten":
                if (a.Int("axis", 1) != 1)
                    throw new OnnxImportException($"{describe} flattens from axis {a.Int("axis", 1)}; only axis 1 (keep the batch, flatten the rest) is supported");
                Set(node, Flatten(node, Act(node, 0, describe), describe));
                break;
            case "Reshape":
                Set(node, Reshape(node, describe));
                break;
            case "Gemm":
                Set(node, Gemm(node, a, describe));
                break;
            case "MatMul":
                Set(node, MatMul(node, describe));
                break;
            case "Add":
                Set(node, Add(node, describe));
                break;
            case "Concat":
                var axis = a.Int("axis", 1);
                if (axis is not (1 or -3))
                    throw new OnnxImportException($"{describe} concatenates on axis {axis}; only channels (axis 1) are supported");
                Set(node, Emit(new ConcatOp(), [.. node.Input.Select((_, i) => Image(node, i, describe))], node, describe));
                break;
            case "Dropout":
                Set(node, Dropout(node, a, describe));
                break;
            default:
                throw Unsupported(node, describe);
        }
    }

    private OnnxImportException Unsupported(NodeProto node, string describe) =>
        new($"{describe} is not supported: op type '{node.OpType}' has no mapping; supported: {string.Join(", ", Supported)}");

    private Known FoldConstant(NodeProto node, NodeAttributes a, string describe)
    {
        Constant In(int i) => ((Known)values[node.Input[i]]).Tensor;
        long[] Axes() => a.Ints("axes") ?? (node.Input.Count > 1 && node.Input[1].Length > 0 ? In(1).AsIntegers() : []);
        return new Known(node.OpType switch
        {
            "Identity" => In(0),
            "Gather" => ConstantFolding.Gather(In(0), In(1), a.Int("axis", 0), describe),
            "Unsqueeze" => ConstantFolding.Unsqueeze(In(0), Axes()),
            "Squeeze" => ConstantFolding.Squeeze(In(0), a.Ints("axes") ?? (node.Input.Count > 1 ? In(1).AsIntegers() : null)),
            "Concat" => ConstantFolding.Concat([.. node.Input.Select((_, i) => In(i))], a.Int("axis", 0), describe),
            "Cast" => ConstantFolding.Cast(In(0), a.Int("to", 1), describe),
            "Reshape" => ConstantFolding.Reshape(In(0), In(1).AsIntegers(), describe),
            _ => throw Unsupported(node, describe),
        });
    }

    private void Set(NodeProto node, Value value)
    {
        values[node.Output[0]] = value;
        for (var i = 1; i < node.Output.Count; i++)
            if (node.Output[i].Length > 0 && uses.GetValueOrDefault(node.Output[i]) > 0)
                throw new OnnxImportException($"{Describe(node)} has its output {i} ('{node.Output[i]}') read by another node or as the graph output; only the first output of {node.OpType} is supported");
    }

    private Activation Emit(NodeOp op, IReadOnlyList<Activation> inputs, NodeProto node, string describe,
        Dictionary<string, NamedTensor>? parameters = null)
    {
        var shape = ShapeRules.Output(op, [.. inputs.Select(i => i.Shape)], describe);
        nodes.Add(new Pending(op, [.. inputs.Select(i => i.Node)], node.Name, parameters ?? []));
        return Activation.Of(Temp(nodes.Count - 1), shape);
    }

    private Activation Act(NodeProto node, int index, string describe) => values[node.Input[index]] switch
    {
        Activation x => x,
        PendingHardSigmoid h => throw new OnnxImportException(
            $"{describe} reads HardSigmoid node '{h.OnnxNode}'; HardSigmoid is supported only as hard-swish, x * HardSigmoid(x)"),
        _ => throw new OnnxImportException(
            $"{describe} applies to constant '{node.Input[index]}'; Versus maps operations on the model's activations (export with do_constant_folding=True)"),
    };

    private Activation Image(NodeProto node, int index, string describe)
    {
        var x = Act(node, index, describe);
        if (x.Shape.IsFlat)
            throw new OnnxImportException($"{describe} needs an image (N x C x H x W) but '{node.Input[index]}' is a vector of {x.Shape.Channels} per example");
        return x;
    }

    private Constant Const(NodeProto node, int index, string describe, string role) => values[node.Input[index]] switch
    {
        Known k => k.Tensor,
        _ => throw new OnnxImportException($"{describe} needs its {role} ('{node.Input[index]}') to be a constant (an initializer), but it is computed from the model's input"),
    };

    private bool HasInput(NodeProto node, int index) => node.Input.Count > index && node.Input[index].Length > 0;

    private static NamedTensor Tensor(string suffix, int[] shape, float[] data) => new(suffix, shape, data);
}
