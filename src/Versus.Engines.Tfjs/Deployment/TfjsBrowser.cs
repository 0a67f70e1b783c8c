using System.Runtime.InteropServices;
using Versus.Core.Deployment;
using Versus.Core.Engines;
using Versus.Core.Models;
using Versus.Core.Weights;

namespace Versus.Engines.Tfjs.Deployment;

/// <summary>
/// The browser target through the TensorFlow.js worker's Chromium (worker/browser-probe.js): the trained model as a
/// TensorFlow.js layers model, and the exported ONNX file through onnxruntime-web (wasm), both in one headless page from
/// local files. onnxruntime-web is ONNX's runtime, so its row is the ONNX family's; it lives here because the page, the
/// Chromium driver and the npm packages it needs are this worker's.
/// </summary>
public sealed class TfjsBrowser : IBrowserCapability
{
    public static BrowserRuntime LayersModel { get; } = new("tfjs-layers-model (Chromium)", FrameworkFamily.TensorFlow);

    public static BrowserRuntime OnnxRuntimeWeb { get; } = new("onnxruntime-web (Chromium, wasm)", FrameworkFamily.Onnx);

    public IReadOnlyList<BrowserRuntime> Runtimes { get; } = [LayersModel, OnnxRuntimeWeb];

    public Task<string?> WhyUnavailableAsync(CancellationToken cancellationToken) =>
        BrowserDeployment.WhyUnavailableAsync(cancellationToken);

    public async Task<BrowserRun> RunAsync(BrowserInput input, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var result = await BrowserDeployment.RunAsync(Request(input), timeout, cancellationToken);
        return new BrowserRun($"Chromium {result.Chromium}",
        [
            Run(LayersModel, result.Tfjs, "the TensorFlow.js layers model", result.LayersModelBytes, "model.json + weights.bin (fp32)"),
            Run(OnnxRuntimeWeb, result.Ort, "the ONNX file", input.Model.Bytes, "the .onnx file, weights included (fp32)"),
        ]);
    }

    private static BrowserDeploymentRequest Request(BrowserInput input)
    {
        Directory.CreateDirectory(input.Directory);
        var weightsPath = Path.Combine(input.Directory, "trained.safetensors");
        SafeTensorsFile.Write(weightsPath, input.Model.Weights);
        var imagesPath = Path.Combine(input.Directory, "images-nchw.f32");
        File.WriteAllBytes(imagesPath, MemoryMarshal.AsBytes(input.Images.AsSpan()).ToArray());
        return new BrowserDeploymentRequest(ModelSpecWriter.ToJson(input.Spec), weightsPath, input.Model.Path, imagesPath,
            input.Count, input.Threads, input.WarmupMs, input.BudgetMs, input.MaxSamples, input.Directory);
    }

    private static BrowserRuntimeRun Run(BrowserRuntime runtime, BrowserRuntimeResult run, string artifact, long bytes,
        string note) =>
        new(runtime, run.Ok, run.Error, run.Runtime, run.Backend, run.Renderer, run.Threads, run.LoadMs, run.Logits,
            run.Samples, artifact, bytes, note);
}
