namespace Versus.Engines.TorchSharp.Tests;

/// <summary>Small specs written for the tests: fast, and covering what the workload files do not (projection shortcuts).</summary>
internal static class InlineSpecs
{
    /// <summary>Residual blocks with projection shortcuts (channel change and stride 2), which depth.json lacks.</summary>
    public const string Projection = """
        {
          "id": "projection-test", "description": "projection shortcuts",
          "input": { "channels": 3, "height": 16, "width": 16 }, "classes": 10,
          "training": { "optimizer": "adam", "learningRate": 0.001, "batchSize": 8, "epochs": 1, "targetAccuracy": 0.5 },
          "inference": { "throughputBatchSize": 8 },
          "layers": [
            { "type": "residual", "shortcut": "projection", "body": [
              { "type": "conv2d", "out": 8, "kernel": 3, "stride": 2, "padding": 1, "bias": false },
              { "type": "batchnorm2d" }, { "type": "relu" },
              { "type": "conv2d", "out": 8, "kernel": 3, "padding": 1 } ] },
            { "type": "residual", "body": [ { "type": "conv2d", "out": 8, "kernel": 3, "padding": 1 }, { "type": "relu" } ] },
            { "type": "dropout", "p": 0.1 },
            { "type": "globalavgpool" },
            { "type": "linear", "out": 10 }
          ]
        }
        """;

    /// <summary>The leak test's network: one 8-channel convolution on 28x28, batch 8.</summary>
    public const string Tiny = """
        {
          "id": "tiny", "description": "leak test",
          "input": { "channels": 1, "height": 28, "width": 28 }, "classes": 10,
          "training": { "optimizer": "sgd", "learningRate": 0.01, "momentum": 0.9, "batchSize": 8, "epochs": 1, "targetAccuracy": 0.5 },
          "inference": { "throughputBatchSize": 8 },
          "layers": [
            { "type": "conv2d", "out": 8, "kernel": 3 }, { "type": "relu" }, { "type": "maxpool2d", "kernel": 2 },
            { "type": "flatten" }, { "type": "linear", "out": 10 }
          ]
        }
        """;

    /// <summary>Batch norm straight on the input, so its statistics can be computed by hand from the pixels.</summary>
    public const string NormFirst = """
        {
          "id": "norm-first", "description": "batch norm on the input",
          "input": { "channels": 3, "height": 8, "width": 8 }, "classes": 10,
          "training": { "optimizer": "sgd", "learningRate": 0.1, "momentum": 0.0, "batchSize": 16, "epochs": 1, "targetAccuracy": 0.5 },
          "inference": { "throughputBatchSize": 16 },
          "layers": [
            { "type": "batchnorm2d", "momentum": 0.1 },
            { "type": "globalavgpool" },
            { "type": "linear", "out": 10 }
          ]
        }
        """;
}
