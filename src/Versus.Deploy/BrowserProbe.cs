using System.Globalization;
using System.Runtime.InteropServices;
using Versus.Core.Models;
using Versus.Core.Parity;
using Versus.Core.Results;
using Versus.Core.Weights;
using Versus.Engines.Tfjs;

namespace Versus.Deploy;

/// <summary>
/// The browser target, exercised: the trained model as a TensorFlow.js layers model and as the exported ONNX file
/// through onnxruntime-web (wasm), each in headless Chromium from local files. Each must reproduce the training engine's
/// logits on the compared test images within the parity tolerance; batch-1 latency is timed in the page. One record per
/// runtime; a runtime that fails, or a probe that cannot start (no Chromium), is a failed or not-exercised record.
/// </summary>
public static class BrowserProbe
{
    public const string TfjsEngine = "tfjs-layers-model (Chromium)";
    public const string OrtEngine = "onnxruntime-web (Chromium, wasm)";

    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    public static async Task<IReadOnlyList<DeploymentRecord>> RunAsync(DeploymentContext context, ExportedModel? model, CancellationToken cancellationToken)
    {
        var workload = context.Spec.Id;
        if (model is null)
        {
            const string why = "Not measured: the ONNX export and trained weights it would deploy failed (see the onnx-interop row).";
            return [new(DeploymentTarget.Browser, TfjsEngine, workload, DeploymentStatus.Failed, why, []), new(DeploymentTarget.Browser, OrtEngine, workload, DeploymentStatus.Failed, why, [])];
        }
        if (await BrowserDeployment.WhyUnavailableAsync(cancellationToken) is { } unavailable)
        {
            var why = $"Not exercised: {unavailable}.";
            return [new(DeploymentTarget.Browser, TfjsEngine, workload, DeploymentStatus.NotExercised, why, []), new(DeploymentTarget.Browser, OrtEngine, workload, DeploymentStatus.NotExercised, why, [])];
        }
        try
        {
            var result = await BrowserDeployment.RunAsync(Request(context, model), Timeout, cancellationToken);
            var size = MetricRecord.Single(MetricNames.DeployModelSize, "bytes", result.LayersModelBytes, "model.json + weights.bin (fp32)");
            return
            [
                Record(context, model, TfjsEngine, result.Tfjs, result.Chromium, $"the TensorFlow.js layers model ({InteropProbe.Bytes(result.LayersModelBytes)})", size),
                Record(context, model, OrtEngine, result.Ort, result.Chromium, $"the ONNX file ({InteropProbe.Bytes(model.Bytes)})",
                    MetricRecord.Single(MetricNames.DeployModelSize, "bytes", model.Bytes, "the .onnx file, weights included (fp32)")),
            ];
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return [InteropProbe.Failed(DeploymentTarget.Browser, TfjsEngine, workload, "running the browser probe", e), InteropProbe.Failed(DeploymentTarget.Browser, OrtEngine, workload, "running the browser probe", e)];
        }
    }

    private static BrowserDeploymentRequest Request(DeploymentContext context, ExportedModel model)
    {
        var directory = Path.Combine(context.OutDirectory, "deploy", "browser-" + context.Spec.Id);
        Directory.CreateDirectory(directory);
        var weightsPath = Path.Combine(directory, "trained.safetensors");
        SafeTensorsFile.Write(weightsPath, model.Weights);
        var imagesPath = Path.Combine(directory, "images-nchw.f32");
        var images = InteropProbe.ScaledImages(context, [.. Enumerable.Range(0, model.ReferenceImages)]);
        File.WriteAllBytes(imagesPath, MemoryMarshal.AsBytes(images.AsSpan()).ToArray());
        var budget = context.Profile.LatencyBudget;
        return new BrowserDeploymentRequest(ModelSpecWriter.ToJson(context.Spec), weightsPath, model.Path, imagesPath, model.ReferenceImages,
            context.Threads, WarmupMs: context.Quick ? 500 : 2000, BudgetMs: budget.TotalMilliseconds, MaxSamples: context.Profile.MaxSamples, directory);
    }

    private static DeploymentRecord Record(DeploymentContext context, ExportedModel model, string engine, BrowserRuntimeResult run, string chromium, string what, MetricRecord size)
    {
        var workload = context.Spec.Id;
        if (!run.Ok || run.Logits is null || run.Samples is null)
            return new(DeploymentTarget.Browser, engine, workload, DeploymentStatus.Failed, $"Failed in Chromium {chromium}: {run.Error ?? "no logits or timings came back"}", [size]);
        if (run.Logits.Length != model.ReferenceLogits.Length)
            return new(DeploymentTarget.Browser, engine, workload, DeploymentStatus.Failed,
                $"Failed: the page returned {run.Logits.Length} logits for {model.ReferenceImages} images, expected {model.ReferenceLogits.Length}.", [size]);
        var maxDiff = model.ReferenceLogits.Zip(run.Logits, (a, b) => Math.Abs((double)a - b)).Max();
        var tolerance = ParityAnalyzer.ForwardToleranceFor(model.ReferenceLogits.Max(v => Math.Abs((double)v)));
        var passed = maxDiff <= tolerance;
        var backend = run.Backend + (run.Renderer is { } r ? $" on {r}" : "") + (run.Threads is { } t ? $", {t} threads" : "");
        var setup = $"{run.Runtime}, backend {backend}, Chromium {chromium} headless, batch 1, warm, timed in the page";
        var metrics = new List<MetricRecord>
        {
            MetricRecord.From(MetricNames.DeployBrowserLatency, "ms", run.Samples, setup),
            MetricRecord.Single(MetricNames.DeployBrowserLoad, "ms", run.LoadMs, "fetching and loading the model in the page"),
            MetricRecord.Single(MetricNames.DeployBrowserMaxDiff, "logit", maxDiff, string.Create(CultureInfo.InvariantCulture,
                $"vs TorchSharp's logits for the same trained weights, test images 0-{model.ReferenceImages - 1}, tolerance {tolerance:G3}")),
            size,
        };
        var latency = metrics[0].Summary;
        var timing = latency is null ? "no batch-1 run finished in the budget" : string.Create(CultureInfo.InvariantCulture,
            $"batch-1 latency {latency.Median:0.000} ms [{latency.Ci95Low:0.000}-{latency.Ci95High:0.000}] (median, 95% CI, {run.Samples.Length} runs in the page)");
        var evidence = string.Create(CultureInfo.InvariantCulture,
            $"{run.Runtime} ({backend}) in headless Chromium {chromium} loaded {what} from 127.0.0.1 in {run.LoadMs:0} ms and " +
            $"{(passed ? "reproduced" : "did NOT reproduce")} TorchSharp's logits on {model.ReferenceImages} test images (max |diff| {maxDiff:G3} {(passed ? "<=" : ">")} {tolerance:G3}); {timing}.");
        return new(DeploymentTarget.Browser, engine, workload, passed ? DeploymentStatus.Passed : DeploymentStatus.Failed, evidence, metrics);
    }
}
