using Versus.Core.Engines;

namespace Versus.Engines.Tfjs;

/// <summary>
/// TensorFlow.js (Keras layers API) in a Node.js worker (worker/worker.js) that speaks docs/protocol.md. Two ids:
/// "tfjs" trains and infers on the best backend Node offers here (tensorflow where @tensorflow/tfjs-node is installed
/// and loads, else the JavaScript cpu kernels); "tfjs-wasm" infers on the WebAssembly (XNNPACK) backend, which cannot
/// train convolutions. The worker reports the backend it actually used.
/// </summary>
public sealed class TfjsEngineProvider : IEngineProvider
{
    public const string EngineId = "tfjs";
    public const string WasmEngineId = "tfjs-wasm";

    private readonly WorkerPackages packages;

    public TfjsEngineProvider()
        : this(EngineId, "auto", EngineCapabilities.Train | EngineCapabilities.Infer)
    {
    }

    private TfjsEngineProvider(string id, string backend, EngineCapabilities capabilities)
    {
        Id = id;
        Backend = backend;
        Capabilities = capabilities;
        packages = WorkerPackages.Locate();
    }

    /// <summary>Every TensorFlow.js engine, for the engine catalog.</summary>
    public static IReadOnlyList<TfjsEngineProvider> All { get; } = [new TfjsEngineProvider(), Wasm()];

    public string Id { get; }

    /// <summary>The worker's --backend option: auto, tensorflow, cpu or wasm.</summary>
    public string Backend { get; }

    public EngineCapabilities Capabilities { get; }

    /// <summary>
    /// Opt-in (--engines tfjs,tfjs-wasm) unless the native tensorflow backend is installed: a training step on the
    /// JavaScript cpu kernels takes 30 s to minutes at batch 64 on a small machine, far beyond a quick default run.
    /// </summary>
    public bool IncludedByDefault => Backend == "auto" && packages.HasNativeBackend;

    public static TfjsEngineProvider Wasm() => new(WasmEngineId, "wasm", EngineCapabilities.Infer);

    public async Task<EngineAvailability> CheckAvailabilityAsync(CancellationToken cancellationToken)
    {
        var (node, problem) = await NodeRuntime.FindAsync(cancellationToken);
        if (node is null)
            return EngineAvailability.Unusable(problem!, $"install Node.js {NodeRuntime.Minimum.Major} or newer (https://nodejs.org, or your package manager's 'nodejs' and 'npm') and make sure 'node' is on PATH");
        var installProblem = await packages.EnsureInstalledAsync(cancellationToken);
        if (installProblem is not null)
            return EngineAvailability.Unusable(installProblem, $"check that npm can reach its registry (or a mirror) once, then run again; the packages are installed in {packages.Folder}");
        var backend = Backend switch
        {
            "wasm" => "wasm (inference only)",
            _ when packages.HasNativeBackend => $"tensorflow if @tensorflow/tfjs-node {packages.PackageVersion("@tensorflow/tfjs-node")} loads, else cpu",
            _ => "cpu (JavaScript kernels; @tensorflow/tfjs-node is not installed)",
        };
        return EngineAvailability.Usable($"TensorFlow.js {packages.PackageVersion("@tensorflow/tfjs")} on Node v{node.Version}, backend {backend}");
    }

    public WorkerLaunch CreateWorkerLaunch(WorkerLaunchContext context) =>
        new("node", [packages.Script, "--id", Id, "--backend", Backend]);
}
