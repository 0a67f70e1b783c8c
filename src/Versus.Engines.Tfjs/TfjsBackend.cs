using Versus.Core.Engines;

namespace Versus.Engines.Tfjs;

/// <summary>
/// Where TensorFlow.js runs: in the Node worker process itself, in a headless Chromium page it drives, or wherever the
/// fastest backend that starts here lives (<see cref="Auto"/>: the worker decides and reports it).
/// </summary>
public enum TfjsHost
{
    Auto,
    Node,
    Chromium,
}

/// <summary>
/// One selectable TensorFlow.js backend: the engine id that names it (<c>tfjs:webgl</c>), the host that runs it and the
/// worker's --backend value. Adding a backend is one line in <see cref="All"/>.
/// </summary>
public sealed record TfjsBackend(string Id, TfjsHost Host, string Name, EngineCapabilities Capabilities, string Description)
{
    // Every backend multiplies matrices (tf.matMul), so each times its own peak on the device it runs on.
    private const EngineCapabilities TrainAndInfer = EngineCapabilities.Train | EngineCapabilities.Infer | EngineCapabilities.MatmulPeak;

    public static TfjsBackend Auto { get; } = new(TfjsEngineProvider.EngineId, TfjsHost.Auto, "auto", TrainAndInfer,
        "the fastest backend that starts here: tensorflow in Node (@tensorflow/tfjs-node), else webgl in headless Chromium, else cpu in Node");

    public static IReadOnlyList<TfjsBackend> All { get; } =
    [
        Auto,
        new("tfjs:tensorflow", TfjsHost.Node, "tensorflow", TrainAndInfer, "native libtensorflow through @tensorflow/tfjs-node (an optional install)"),
        new("tfjs:cpu", TfjsHost.Node, "cpu", TrainAndInfer, "JavaScript kernels in Node"),
        // XNNPACK has no Conv2DBackpropFilter kernel: it cannot train a convolution.
        new("tfjs:wasm", TfjsHost.Node, "wasm", EngineCapabilities.Infer | EngineCapabilities.MatmulPeak, "WebAssembly (XNNPACK) kernels in Node, inference only"),
        new("tfjs:webgl", TfjsHost.Chromium, "webgl", TrainAndInfer, "WebGL in headless Chromium (the GPU, or Mesa's llvmpipe software GPU without one)"),
        new("tfjs:webgpu", TfjsHost.Chromium, "webgpu", TrainAndInfer, "WebGPU in headless Chromium (the GPU, or its fallback adapter without one)"),
    ];

    /// <summary>The worker's command-line options for this backend.</summary>
    public IReadOnlyList<string> WorkerArguments => ["--id", Id, "--host", Host.ToString().ToLowerInvariant(), "--backend", Name];
}
