using System.ComponentModel;
using Spectre.Console.Cli;

namespace Versus.Cli.Commands;

/// <summary>The raw options of "versus deploy": a subset of "versus run"'s, checked by the same <see cref="RunOptionsValidator"/>.</summary>
public sealed class DeployCommandSettings : StoreSettings
{
    [CommandOption("--workloads <LIST>")]
    [Description("Comma-separated workload ids, depth-N, or spec file paths (default: the run's default suite; --quick probes one of them).")]
    public string? Workloads { get; init; }

    [CommandOption("--quick")]
    [Description("Fewer requests per load level (200, so no p99) and one workload (small-cnn-28 when selected).")]
    public bool Quick { get; init; }

    [CommandOption("--threads <N>")]
    [Description("Threads for TorchSharp and ONNX Runtime in the interop probe (default: the number of logical cores).")]
    public string? Threads { get; init; }

    [CommandOption("--data <PATH>")]
    [Description("Folder of IDX files (MNIST/Fashion-MNIST layout) the probes train on and send; default: generated shapes, no download.")]
    public string? Data { get; init; }

    [CommandOption("--train-images <N>")]
    [Description("Use the first N training images of --data (default: all of them), or N generated ones.")]
    public string? TrainImages { get; init; }

    [CommandOption("--test-images <N>")]
    [Description("Use the first N test images of --data (default: all of them), or N generated ones.")]
    public string? TestImages { get; init; }

    [CommandOption("--seed <N>")]
    [Description("Seed for weights and data (default 42).")]
    public string? Seed { get; init; }

    [CommandOption("--out <DIR>")]
    [Description("Folder for results.json, report.md and the exported .onnx files (default: versus-results/<run id>).")]
    public string? Out { get; init; }

    /// <summary>The same options as "versus run" would take them, with the two engines the probes use.</summary>
    public RunCommandSettings AsRunSettings() => new()
    {
        Engines = "torchsharp,onnxruntime",
        Workloads = Workloads,
        Quick = Quick,
        Threads = Threads,
        Data = Data,
        TrainImages = TrainImages,
        TestImages = TestImages,
        Seed = Seed,
        Out = Out,
        Db = Db,
    };
}
