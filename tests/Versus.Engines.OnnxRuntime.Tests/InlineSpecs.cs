namespace Versus.Engines.OnnxRuntime.Tests;

/// <summary>Small specs covering what the workload files do not: projection shortcuts, dropout, a bias-free linear layer.</summary>
internal static class InlineSpecs
{
    public const string Projection = """
        {
          "id": "projection-test", "description": "projection shortcuts",
          "input": { "channels": 3, "height": 16, "width": 16 }, "classes": 10,
          "training": { "optimizer": "adam", "learningRate": 0.001, "batchSize": 8, "epochs": 1, "targetAccuracy": 0.5 },
          "inference": { "throughputBatchSize": 8 },
          "layers": [
            { "type": "residual", "shortcut": "projection", "body": [
              { "type": "conv2d", "out": 8, "kernel": 3, "stride": 2, "padding": 1, "bias": false },
              { "type": "batchnorm2d", "epsilon": 0.001 }, { "type": "relu" },
              { "type": "conv2d", "out": 8, "kernel": 3, "padding": 1 } ] },
            { "type": "residual", "body": [ { "type": "conv2d", "out": 8, "kernel": 3, "padding": 1 }, { "type": "relu" } ] },
            { "type": "maxpool2d", "kernel": 2 },
            { "type": "dropout", "p": 0.1 },
            { "type": "flatten" },
            { "type": "linear", "out": 10, "bias": false }
          ]
        }
        """;
}
