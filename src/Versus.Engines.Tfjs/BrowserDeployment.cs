using System.Text.Json;
using System.Text.Json.Serialization;

namespace Versus.Engines.Tfjs;

/// <summary>What the browser probe (worker/browser-probe.js) is asked to deploy and how long to time it.</summary>
public sealed record BrowserDeploymentRequest(
    [property: JsonPropertyName("spec")] System.Text.Json.Nodes.JsonObject Spec,
    [property: JsonPropertyName("weightsPath")] string WeightsPath,
    [property: JsonPropertyName("onnxPath")] string OnnxPath,
    [property: JsonPropertyName("imagesPath")] string ImagesPath,
    [property: JsonPropertyName("count")] int Count,
    [property: JsonPropertyName("threads")] int Threads,
    [property: JsonPropertyName("warmupMs")] double WarmupMs,
    [property: JsonPropertyName("budgetMs")] double BudgetMs,
    [property: JsonPropertyName("maxSamples")] int MaxSamples,
    [property: JsonPropertyName("outDirectory")] string OutDirectory);

/// <summary>One runtime in the page: its logits for the compared images (one batch) and its timed batch-1 runs.</summary>
public sealed record BrowserRuntimeResult(
    [property: JsonPropertyName("ok")] bool Ok,
    [property: JsonPropertyName("error")] string? Error,
    [property: JsonPropertyName("runtime")] string? Runtime,
    [property: JsonPropertyName("backend")] string? Backend,
    [property: JsonPropertyName("renderer")] string? Renderer,
    [property: JsonPropertyName("threads")] int? Threads,
    [property: JsonPropertyName("loadMs")] double LoadMs,
    [property: JsonPropertyName("firstBatchMs")] double FirstBatchMs,
    [property: JsonPropertyName("logits")] float[]? Logits,
    [property: JsonPropertyName("samples")] double[]? Samples);

/// <summary>The probe's answer: the browser it ran in and each runtime's result.</summary>
public sealed record BrowserDeploymentResult(
    [property: JsonPropertyName("chromium")] string Chromium,
    [property: JsonPropertyName("executable")] string Executable,
    [property: JsonPropertyName("layersModelBytes")] long LayersModelBytes,
    [property: JsonPropertyName("layersModelFolder")] string LayersModelFolder,
    [property: JsonPropertyName("tfjs")] BrowserRuntimeResult Tfjs,
    [property: JsonPropertyName("ort")] BrowserRuntimeResult Ort);

/// <summary>
/// Runs worker/browser-probe.js: the trained model as a TensorFlow.js layers model and as the ONNX file through
/// onnxruntime-web, both in headless Chromium from local files. Uses the worker's npm packages (installed on first use).
/// </summary>
public static class BrowserDeployment
{
    /// <summary>Null when the probe can run here, else why not and what would fix it.</summary>
    public static async Task<string?> WhyUnavailableAsync(CancellationToken cancellationToken)
    {
        var (node, problem) = await NodeRuntime.FindAsync(cancellationToken);
        if (node is null) return $"{problem}; install Node.js {NodeRuntime.Minimum.Major} or newer";
        if (ChromiumBrowser.Find() is null)
            return $"Chromium is not installed (looked for {string.Join(", ", ChromiumBrowser.Candidates)}); install Debian's 'chromium' package or set {ChromiumBrowser.ExecutableVariable}";
        return await WorkerPackages.Locate().EnsureInstalledAsync(cancellationToken);
    }

    public static async Task<BrowserDeploymentResult> RunAsync(BrowserDeploymentRequest request, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var packages = WorkerPackages.Locate();
        Directory.CreateDirectory(request.OutDirectory);
        var requestPath = Path.Combine(request.OutDirectory, "browser-probe-request.json");
        await File.WriteAllTextAsync(requestPath, JsonSerializer.Serialize(request), cancellationToken);
        var output = await ProcessOutput.RunAsync("node", [Path.Combine(packages.Folder, "browser-probe.js"), requestPath], packages.Folder, timeout, cancellationToken);
        if (output.ExitCode != 0) throw new InvalidOperationException($"the browser probe exited with code {output.ExitCode}: {output.Tail}");
        var line = output.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault()
            ?? throw new InvalidOperationException($"the browser probe printed no result: {output.Tail}");
        try
        {
            return JsonSerializer.Deserialize<BrowserDeploymentResult>(line) ?? throw new JsonException("null");
        }
        catch (JsonException e)
        {
            throw new InvalidOperationException($"the browser probe printed something that is not its result ({e.Message}): {(line.Length > 300 ? line[..300] + "..." : line)}");
        }
    }
}
