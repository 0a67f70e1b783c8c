namespace Versus.Testing;

/// <summary>Small training specs shared by the loss-parity and isolation tests: the JavaScript cpu kernels train them in well under a second a step.</summary>
internal static class TrainingSpecs
{
    /// <summary>SGD with momentum through a conv, batch norm, pooling and a flatten into a dense layer (the permuted one).</summary>
    public const string SgdFlatten = """
        {
          "id": "sgd-flatten", "description": "loss parity, SGD",
          "input": { "channels": 1, "height": 12, "width": 12 }, "classes": 10,
          "training": { "optimizer": "sgd", "learningRate": 0.02, "momentum": 0.9, "batchSize": 8, "epochs": 1, "targetAccuracy": 0.5 },
          "inference": { "throughputBatchSize": 8 },
          "layers": [
            { "type": "conv2d", "out": 6, "kernel": 3, "padding": 1 }, { "type": "batchnorm2d" }, { "type": "relu" },
            { "type": "maxpool2d", "kernel": 2 },
            { "type": "conv2d", "out": 8, "kernel": 3 }, { "type": "relu" },
            { "type": "flatten" }, { "type": "linear", "out": 16 }, { "type": "relu" }, { "type": "linear", "out": 10 }
          ]
        }
        """;

    /// <summary>Adam through residual blocks with a strided projection shortcut (padding 1 at stride 2, where Keras 'same' differs).</summary>
    public const string AdamResidual = """
        {
          "id": "adam-residual", "description": "loss parity, Adam",
          "input": { "channels": 3, "height": 10, "width": 10 }, "classes": 10,
          "training": { "optimizer": "adam", "learningRate": 0.003, "batchSize": 8, "epochs": 1, "targetAccuracy": 0.5 },
          "inference": { "throughputBatchSize": 8 },
          "layers": [
            { "type": "residual", "shortcut": "projection", "body": [
              { "type": "conv2d", "out": 8, "kernel": 3, "stride": 2, "padding": 1, "bias": false },
              { "type": "batchnorm2d" }, { "type": "relu" },
              { "type": "conv2d", "out": 8, "kernel": 3, "padding": 1 } ] },
            { "type": "residual", "body": [ { "type": "conv2d", "out": 8, "kernel": 3, "padding": 1 }, { "type": "relu" } ] },
            { "type": "globalavgpool" },
            { "type": "linear", "out": 10 }
          ]
        }
        """;

    /// <summary>300 classes on three digit strips: labels past a byte through the data, the loss and the one-hot encoding.</summary>
    public const string ManyClasses = """
        {
          "id": "many-classes", "description": "300 classes",
          "input": { "channels": 1, "height": 12, "width": 24 }, "classes": 300,
          "training": { "optimizer": "sgd", "learningRate": 0.05, "momentum": 0.9, "batchSize": 8, "epochs": 1, "targetAccuracy": 0.5 },
          "inference": { "throughputBatchSize": 8 },
          "layers": [
            { "type": "conv2d", "out": 4, "kernel": 3, "padding": 1 }, { "type": "relu" }, { "type": "maxpool2d", "kernel": 2 },
            { "type": "flatten" }, { "type": "linear", "out": 300 }
          ]
        }
        """;
}
