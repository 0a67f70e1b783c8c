using System.ComponentModel;
using Spectre.Console.Cli;

namespace Versus.Cli.Commands;

/// <summary>
/// The raw options of "versus run". Numbers are taken as text and checked by <see cref="RunOptionsValidator"/>, so a
/// bad value gets a message that names the option and the allowed range rather than a converter's exception.
/// </summary>
public sealed class RunCommandSettings : StoreSettings
{
    [CommandOption("--engines <LIST>")]
    [Description("Comma-separated engine ids (default: torchsharp, tfjs on the fastest TensorFlow.js backend here, onnxruntime; "
        + "backend variants such as tfjs:cpu run when named). See 'versus list'.")]
    public string? Engines { get; init; }

    [CommandOption("--workloads <LIST>")]
    [Description("Comma-separated workload ids, depth-N, or spec file paths (default: small-cnn-28, cnn-64, depth sweep).")]
    public string? Workloads { get; init; }

    [CommandOption("--quick")]
    [Description("Small data and budgets: the default suite, all three engines and the deployment probes, in about 5.5 minutes "
        + "on 2 cores; medians within 5%; training too slow for its budget is estimated and skipped with the reason.")]
    public bool Quick { get; init; }

    [CommandOption("--no-deploy")]
    [Description("Skip the deployment probes that otherwise follow the measurements (ONNX interop, server, edge; see 'versus deploy').")]
    public bool NoDeploy { get; init; }

    [CommandOption("--epochs <N>")]
    [Description("Training epochs (default: the workload's, or 2 with --quick).")]
    public string? Epochs { get; init; }

    [CommandOption("--threads <N>")]
    [Description("Threads for every engine (default: the number of logical cores).")]
    public string? Threads { get; init; }

    [CommandOption("--data <PATH>")]
    [Description("Folder of MNIST-style IDX files (e.g. /usr/share/datasets/fashion-mnist); default: generated data.")]
    public string? Data { get; init; }

    [CommandOption("--train-images <N>")]
    [Description("Train on the first N training images of --data (default: all of them), or on N generated images " +
        "(default: 8192, 1024 with --quick).")]
    public string? TrainImages { get; init; }

    [CommandOption("--test-images <N>")]
    [Description("Test on the first N test images of --data (default: all of them), or on N generated images " +
        "(default: 2048, 256 with --quick).")]
    public string? TestImages { get; init; }

    [CommandOption("--seed <N>")]
    [Description("Seed for weights, data and order (default 42).")]
    public string? Seed { get; init; }

    [CommandOption("--out <DIR>")]
    [Description("Folder for results.json and report.md (default: versus-results/<run id>).")]
    public string? Out { get; init; }

    [CommandOption("--priorities <LIST>")]
    [Description("What the recommendation weighs: a profile (balanced, research, production-server, browser-app, edge) or " +
        "priorities with optional weights, e.g. training-speed=3,browser=1 (see docs/scoring.md). Default: balanced.")]
    public string? Priorities { get; init; }

    [CommandOption("--resume <RUN>")]
    [Description("Finish a run that was killed or cancelled (its id, a unique prefix, or its results.json or folder): re-plan it "
        + "from its recorded options, run only the measurements it had not finished, and close it with one report.")]
    public string? Resume { get; init; }
}
