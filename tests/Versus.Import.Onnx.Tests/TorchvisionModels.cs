using System.Diagnostics;

namespace Versus.Import.Onnx.Tests;

/// <summary>
/// torchvision's ResNet-18, MobileNetV2 and SqueezeNet 1.1 with random weights, exported once per test run by
/// scripts/export-torchvision.py (eval and training mode) with Debian's python3-torchvision; absent that, every test
/// using it is skipped with the reason.
/// </summary>
public sealed class TorchvisionModels : IDisposable
{
    public const string Python = "/usr/bin/python3";
    private readonly TempDirectory folder = new();

    public TorchvisionModels()
    {
        SkipReason = Export();
    }

    /// <summary>Why the models are not there (python3-torchvision missing, the export failed), or null.</summary>
    public string? SkipReason { get; }

    public string Path(string model, bool training) => folder.File($"{model}-{(training ? "train" : "eval")}.onnx");

    public void Dispose() => folder.Dispose();

    private string? Export()
    {
        if (!File.Exists(Python)) return $"{Python} is missing (apt-get install python3-torchvision; scripts/install-test-deps.sh)";
        var check = Run("-c \"import torchvision\"", TimeSpan.FromSeconds(60));
        if (check.ExitCode != 0)
            return "python3-torchvision is not installed (apt-get install python3-torchvision; scripts/install-test-deps.sh)";
        var script = System.IO.Path.Combine(RepoPaths.Root, "scripts", "export-torchvision.py");
        var export = Run($"\"{script}\" \"{folder.Path}\"", TimeSpan.FromMinutes(5));
        return export.ExitCode == 0 ? null : $"scripts/export-torchvision.py failed (exit {export.ExitCode}): {export.Stderr.Trim().Split('\n')[^1]}";
    }

    private static (int ExitCode, string Stderr) Run(string arguments, TimeSpan timeout)
    {
        using var process = Process.Start(new ProcessStartInfo(Python, arguments)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        })!;
        var stderr = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            return (-1, "timed out");
        }
        return (process.ExitCode, stderr.Result);
    }
}

[CollectionDefinition(Name)]
public sealed class TorchvisionCollection : ICollectionFixture<TorchvisionModels>
{
    public const string Name = "torchvision";
}
