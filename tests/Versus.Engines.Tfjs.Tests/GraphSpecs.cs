namespace Versus.Engines.Tfjs.Tests;

/// <summary>
/// Small graph specs, one per operation the TensorFlow.js graph builder maps in its own way (docs/model-spec.md,
/// "Graphs" and "TensorFlow layout"): 3-channel 10x10 inputs, 4 classes, small enough for the JavaScript cpu kernels.
/// </summary>
internal static class GraphSpecs
{
    /// <summary>Depthwise (multiplier 2, strided) and grouped convolutions.</summary>
    public static readonly string Depthwise = Spec("graph-depthwise", """
        { "name": "stem", "op": "conv2d", "inputs": ["input"], "out": 6, "kernel": 3, "padding": 1 },
        { "name": "dw", "op": "conv2d", "inputs": ["stem"], "out": 12, "kernel": 3, "stride": 2, "padding": 1, "groups": 6 },
        { "name": "dw_act", "op": "relu", "inputs": ["dw"] },
        { "name": "grouped", "op": "conv2d", "inputs": ["dw_act"], "out": 8, "kernel": 3, "padding": 1, "groups": 4, "bias": false },
        { "name": "pool", "op": "globalavgpool", "inputs": ["grouped"] },
        { "name": "fc", "op": "linear", "inputs": ["pool"], "out": 4 }
        """);

    /// <summary>Two branches joined along channels, flattened into a dense layer (rows permuted through the concat).</summary>
    public static readonly string Concat = Spec("graph-concat", """
        { "name": "a", "op": "conv2d", "inputs": ["input"], "out": 3, "kernel": 1, "stride": 2 },
        { "name": "b", "op": "conv2d", "inputs": ["input"], "out": 5, "kernel": 3, "stride": 2, "padding": 1 },
        { "name": "b_act", "op": "relu", "inputs": ["b"] },
        { "name": "joined", "op": "concat", "inputs": ["a", "b_act", "a"] },
        { "name": "flat", "op": "flatten", "inputs": ["joined"] },
        { "name": "fc", "op": "linear", "inputs": ["flat"], "out": 4 }
        """);

    /// <summary>Max pooling padded with minus infinity and in ceil mode (10 + 2 padding, kernel 3, stride 2: 6 windows, not 5).</summary>
    public static readonly string MaxPoolCeil = Spec("graph-maxpool-ceil", """
        { "name": "conv", "op": "conv2d", "inputs": ["input"], "out": 4, "kernel": 1 },
        { "name": "shift", "op": "clip", "inputs": ["conv"], "min": -5, "max": -0.05 },
        { "name": "pool", "op": "maxpool2d", "inputs": ["shift"], "kernel": 3, "stride": 2, "padding": 1, "ceil": true },
        { "name": "flat", "op": "flatten", "inputs": ["pool"] },
        { "name": "fc", "op": "linear", "inputs": ["flat"], "out": 4 }
        """);

    /// <summary>Average pooling with padding: padding left out of the divisor, and counted in it with ceil mode.</summary>
    public static readonly string AvgPool = Spec("graph-avgpool", """
        { "name": "conv", "op": "conv2d", "inputs": ["input"], "out": 4, "kernel": 1 },
        { "name": "excluded", "op": "avgpool2d", "inputs": ["conv"], "kernel": 3, "stride": 2, "padding": 1 },
        { "name": "included", "op": "avgpool2d", "inputs": ["conv"], "kernel": 3, "stride": 2, "padding": 1, "ceil": true, "countIncludePad": true },
        { "name": "excluded_flat", "op": "flatten", "inputs": ["excluded"] },
        { "name": "included_flat", "op": "flatten", "inputs": ["included"] },
        { "name": "fc_a", "op": "linear", "inputs": ["excluded_flat"], "out": 4 },
        { "name": "fc_b", "op": "linear", "inputs": ["included_flat"], "out": 4 },
        { "name": "fc", "op": "add", "inputs": ["fc_a", "fc_b"] }
        """);

    /// <summary>
    /// Clips from 0 (Keras' ReLU with a ceiling): 0..0.6, which these activations cross, and ReLU6 itself; and a clip with
    /// a negative floor (the custom layer).
    /// </summary>
    public static readonly string Relu6 = Spec("graph-relu6", """
        { "name": "conv", "op": "conv2d", "inputs": ["input"], "out": 6, "kernel": 3, "padding": 1 },
        { "name": "wide", "op": "conv2d", "inputs": ["conv"], "out": 6, "kernel": 3, "padding": 1 },
        { "name": "ceiling", "op": "clip", "inputs": ["wide"], "min": 0, "max": 0.6 },
        { "name": "clip", "op": "clip", "inputs": ["conv"], "min": -0.3, "max": 0.3 },
        { "name": "joined", "op": "add", "inputs": ["ceiling", "clip"] },
        { "name": "six", "op": "clip", "inputs": ["joined"], "min": 0, "max": 6 },
        { "name": "pool", "op": "globalavgpool", "inputs": ["six"] },
        { "name": "fc", "op": "linear", "inputs": ["pool"], "out": 4 }
        """);

    /// <summary>Hard-swish on both sides of -3 and 3 (a chain of 1x1 convs scales the activations up), then a sigmoid.</summary>
    public static readonly string HardSwish = Spec("graph-hardswish", """
        { "name": "conv", "op": "conv2d", "inputs": ["input"], "out": 8, "kernel": 3, "padding": 1 },
        { "name": "up1", "op": "conv2d", "inputs": ["conv"], "out": 8, "kernel": 1 },
        { "name": "up2", "op": "conv2d", "inputs": ["up1"], "out": 8, "kernel": 1 },
        { "name": "up3", "op": "conv2d", "inputs": ["up2"], "out": 8, "kernel": 1 },
        { "name": "hs", "op": "hardswish", "inputs": ["up3"] },
        { "name": "gate", "op": "sigmoid", "inputs": ["hs"] },
        { "name": "pool", "op": "globalavgpool", "inputs": ["gate"] },
        { "name": "fc", "op": "linear", "inputs": ["pool"], "out": 4 }
        """);

    /// <summary>Leaky ReLU on an image, and on a flattened vector before the dense layer (its rows still permuted).</summary>
    public static readonly string LeakyRelu = Spec("graph-leakyrelu", """
        { "name": "conv", "op": "conv2d", "inputs": ["input"], "out": 4, "kernel": 3, "stride": 2 },
        { "name": "leaky", "op": "leakyrelu", "inputs": ["conv"], "alpha": 0.2 },
        { "name": "flat", "op": "flatten", "inputs": ["leaky"] },
        { "name": "flat_leaky", "op": "leakyrelu", "inputs": ["flat"] },
        { "name": "fc", "op": "linear", "inputs": ["flat_leaky"], "out": 4 }
        """);

    /// <summary>Asymmetric padding, as TensorFlow's and ONNX's SAME produce: [top, left, bottom, right].</summary>
    public static readonly string AsymmetricPadding = Spec("graph-asymmetric", """
        { "name": "a", "op": "conv2d", "inputs": ["input"], "out": 4, "kernel": 3, "stride": 2, "padding": [0, 0, 1, 1] },
        { "name": "b", "op": "conv2d", "inputs": ["a"], "out": 5, "kernel": [2, 3], "padding": [1, 0, 0, 2] },
        { "name": "flat", "op": "flatten", "inputs": ["b"] },
        { "name": "fc", "op": "linear", "inputs": ["flat"], "out": 4 }
        """);

    /// <summary>Dilated convolutions: at stride 1, and at stride 2 (which TensorFlow.js runs at stride 1 and subsamples).</summary>
    public static readonly string Dilation = Spec("graph-dilation", """
        { "name": "a", "op": "conv2d", "inputs": ["input"], "out": 4, "kernel": 3, "dilation": 2, "padding": 2 },
        { "name": "b", "op": "conv2d", "inputs": ["a"], "out": 6, "kernel": 3, "stride": 2, "dilation": [2, 1], "padding": 1 },
        { "name": "flat", "op": "flatten", "inputs": ["b"] },
        { "name": "fc", "op": "linear", "inputs": ["flat"], "out": 4 }
        """);

    /// <summary>
    /// For 20-step loss parity: batch norm around a depthwise convolution, ReLU6, hard-swish, a concat and a ceil-mode max
    /// pool with an overhang (4x4 maps), SGD with momentum.
    /// </summary>
    public static readonly string TrainDepthwiseBatchNorm = Spec("graph-train-dw-bn", """
        { "name": "stem", "op": "conv2d", "inputs": ["input"], "out": 8, "kernel": 4, "stride": 2, "padding": [0, 0, 1, 1], "bias": false },
        { "name": "stem_bn", "op": "batchnorm2d", "inputs": ["stem"] },
        { "name": "stem_act", "op": "clip", "inputs": ["stem_bn"], "min": 0, "max": 6 },
        { "name": "dw", "op": "conv2d", "inputs": ["stem_act"], "out": 8, "kernel": 3, "padding": 1, "groups": 8, "bias": false },
        { "name": "dw_bn", "op": "batchnorm2d", "inputs": ["dw"] },
        { "name": "dw_act", "op": "hardswish", "inputs": ["dw_bn"] },
        { "name": "joined", "op": "concat", "inputs": ["stem_act", "dw_act"] },
        { "name": "pool", "op": "maxpool2d", "inputs": ["joined"], "kernel": 3, "stride": 2, "padding": 1, "ceil": true },
        { "name": "flat", "op": "flatten", "inputs": ["pool"] },
        { "name": "fc", "op": "linear", "inputs": ["flat"], "out": 4 }
        """);

    /// <summary>Every custom layer (and helper layer) at once: what a saved layers model must rebuild wherever it is loaded.</summary>
    public static readonly string CustomLayers = Spec("graph-custom-layers", """
        { "name": "a", "op": "conv2d", "inputs": ["input"], "out": 6, "kernel": 3, "stride": 2, "dilation": 2, "padding": [1, 1, 2, 2] },
        { "name": "b", "op": "conv2d", "inputs": ["a"], "out": 4, "kernel": 1, "groups": 2 },
        { "name": "b_act", "op": "hardswish", "inputs": ["b"] },
        { "name": "c", "op": "clip", "inputs": ["a"], "min": -0.2, "max": 0.4 },
        { "name": "max", "op": "maxpool2d", "inputs": ["c"], "kernel": 2, "stride": 2, "padding": 1, "ceil": true },
        { "name": "avg", "op": "avgpool2d", "inputs": ["b_act"], "kernel": 2, "stride": 2, "padding": 1, "ceil": true },
        { "name": "joined", "op": "concat", "inputs": ["max", "avg"] },
        { "name": "flat", "op": "flatten", "inputs": ["joined"] },
        { "name": "fc", "op": "linear", "inputs": ["flat"], "out": 4 }
        """);

    public static string ByName(string name) => name switch
    {
        nameof(Depthwise) => Depthwise,
        nameof(Concat) => Concat,
        nameof(MaxPoolCeil) => MaxPoolCeil,
        nameof(AvgPool) => AvgPool,
        nameof(Relu6) => Relu6,
        nameof(HardSwish) => HardSwish,
        nameof(LeakyRelu) => LeakyRelu,
        nameof(AsymmetricPadding) => AsymmetricPadding,
        nameof(Dilation) => Dilation,
        nameof(TrainDepthwiseBatchNorm) => TrainDepthwiseBatchNorm,
        nameof(CustomLayers) => CustomLayers,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "no such graph spec"),
    };

    private static string Spec(string id, string nodes) => $$"""
        {
          "id": "{{id}}", "description": "graph parity: {{id}}",
          "input": { "channels": 3, "height": 10, "width": 10 }, "classes": 4,
          "training": { "optimizer": "sgd", "learningRate": 0.05, "momentum": 0.9, "batchSize": 8, "epochs": 1, "targetAccuracy": 0.5 },
          "inference": { "throughputBatchSize": 8 },
          "graph": { "output": "fc", "nodes": [
        {{nodes}}
          ] }
        }
        """;
}
