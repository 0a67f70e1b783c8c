using Versus.Core.Models;

namespace Versus.Engines.Conformance.Tests;

/// <summary>
/// Small graphs that between them use every graph operation and the attributes engines get wrong: asymmetric padding,
/// dilation, groups and depthwise multipliers, ceil-mode pooling with padding, both average-pool divisors, branches.
/// 3 x 9 x 9 inputs keep the oracle fast; odd sizes make ceil mode and SAME padding matter.
/// </summary>
internal static class ConformanceGraphs
{
    public const int Classes = 5;

    public static readonly IReadOnlyDictionary<string, string> Nodes = new Dictionary<string, string>
    {
        ["convolutions"] = """
            { "name": "grouped", "op": "conv2d", "out": 6, "kernel": 3, "stride": 2, "padding": [0, 0, 1, 1], "groups": 3 },
            { "name": "wide", "op": "conv2d", "out": 4, "kernel": [1, 3], "padding": [0, 1], "bias": false },
            { "name": "norm", "op": "batchnorm2d", "epsilon": 0.001 },
            { "name": "act", "op": "leakyrelu", "alpha": 0.1 },
            { "name": "gap", "op": "globalavgpool" },
            { "name": "fc", "op": "linear", "out": 5 }
            """,
        ["depthwise"] = """
            { "name": "dw", "op": "conv2d", "out": 6, "kernel": 3, "padding": "same", "groups": 3 },
            { "name": "dw_bn", "op": "batchnorm2d" },
            { "name": "relu6", "op": "clip", "min": 0, "max": 6 },
            { "name": "pw", "op": "conv2d", "out": 8, "kernel": 1, "bias": false },
            { "name": "hs", "op": "hardswish" },
            { "name": "flat", "op": "flatten" },
            { "name": "fc", "op": "linear", "out": 5 }
            """,
        ["pooling"] = """
            { "name": "conv", "op": "conv2d", "out": 4, "kernel": 1 },
            { "name": "max", "op": "maxpool2d", "kernel": 3, "stride": 2, "padding": 1, "ceil": true },
            { "name": "avg", "op": "avgpool2d", "kernel": 3, "stride": 2, "padding": 1, "ceil": true },
            { "name": "avg_incl", "op": "avgpool2d", "inputs": ["conv"], "kernel": 2, "stride": 2, "padding": [1, 1], "countIncludePad": true },
            { "name": "sig", "op": "sigmoid", "inputs": ["avg"] },
            { "name": "flat_a", "op": "flatten", "inputs": ["sig"] },
            { "name": "flat_b", "op": "flatten", "inputs": ["avg_incl"] },
            { "name": "fc_a", "op": "linear", "inputs": ["flat_a"], "out": 5 },
            { "name": "fc_b", "op": "linear", "inputs": ["flat_b"], "out": 5, "bias": false },
            { "name": "sum", "op": "add", "inputs": ["fc_a", "fc_b"] }
            """,
        // Forward only: TensorFlow.js has no gradient for dilated convolutions ("not yet supported in gradients").
        ["dilated"] = """
            { "name": "dilated", "op": "conv2d", "out": 4, "kernel": 3, "dilation": 2, "padding": 2, "bias": false },
            { "name": "strided", "op": "conv2d", "out": 4, "kernel": 3, "dilation": [2, 1], "stride": 2 },
            { "name": "gap", "op": "globalavgpool" },
            { "name": "fc", "op": "linear", "out": 5 }
            """,
        ["branches"] = """
            { "name": "left", "op": "conv2d", "inputs": ["input"], "out": 3, "kernel": 1 },
            { "name": "right", "op": "conv2d", "inputs": ["input"], "out": 5, "kernel": 3, "padding": 1 },
            { "name": "joined", "op": "concat", "inputs": ["left", "right"] },
            { "name": "skip", "op": "conv2d", "inputs": ["input"], "out": 8, "kernel": 1, "bias": false },
            { "name": "skip_bn", "op": "batchnorm2d" },
            { "name": "sum", "op": "add", "inputs": ["joined", "skip_bn"] },
            { "name": "act", "op": "relu" },
            { "name": "pool", "op": "maxpool2d", "kernel": 2 },
            { "name": "flat", "op": "flatten" },
            { "name": "drop", "op": "dropout", "p": 0.25 },
            { "name": "fc", "op": "linear", "out": 5 }
            """,
    };

    /// <summary>
    /// Graphs whose training steps every engine must reproduce: not the dropout one (masks are each engine's own), not the
    /// dilated one (a documented TensorFlow.js gap that fails its measurement with TensorFlow.js' own message).
    /// </summary>
    public static readonly string[] Trainable = ["convolutions", "depthwise", "pooling"];

    public static ModelSpec Spec(string name)
    {
        var json = $$"""
            {
              "id": "conformance-{{name}}",
              "input": { "channels": 3, "height": 9, "width": 9 },
              "classes": {{Classes}},
              "training": { "optimizer": "sgd", "learningRate": 0.005, "momentum": 0.9, "batchSize": 8, "epochs": 1 },
              "graph": { "nodes": [ {{Nodes[name]}} ] }
            }
            """;
        var read = ModelSpecReader.Read(json, $"conformance graph '{name}'");
        Assert.True(read.IsValid, string.Join("\n", read.Errors));
        return read.Spec!;
    }
}
