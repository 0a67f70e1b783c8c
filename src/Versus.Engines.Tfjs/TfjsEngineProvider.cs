using Versus.Core.Deployment;
using Versus.Core.Engines;
using Versus.Engines.Tfjs.Deployment;

namespace Versus.Engines.Tfjs;

/// <summary>
/// TensorFlow.js (Keras layers API) in a Node.js worker (worker/worker.js) that speaks docs/protocol.md, one engine id
/// per backend (<see cref="TfjsBackend.All"/>): "tfjs" picks the fastest that starts here, "tfjs:cpu", "tfjs:wasm" and
/// "tfjs:tensorflow" name one, and "tfjs:webgl" / "tfjs:webgpu" run in a headless Chromium page the worker drives.
/// The worker reports the backend and host it actually used, and the GPU renderer behind a browser backend.
/// </summary>
public sealed class TfjsEngineProvider : IEngineProvider
{
    public const string EngineId = "tfjs";

    private readonly WorkerPackages packages;

    public TfjsEngineProvider()
        : this(TfjsBackend.Auto)
    {
    }

    public TfjsEngineProvider(TfjsBackend backend)
    {
        Backend = backend;
        packages = WorkerPackages.Locate();
    }

    /// <summary>Every TensorFlow.js engine, for the engine catalog.</summary>
    public static IReadOnlyList<TfjsEngineProvider> All { get; } = [.. TfjsBackend.All.Select(b => new TfjsEngineProvider(b))];

    public static TfjsEngineProvider For(string id) =>
        All.FirstOrDefault(p => p.Id == id) ?? throw new ArgumentException($"'{id}' is not a TensorFlow.js engine; known: {string.Join(", ", All.Select(p => p.Id))}", nameof(id));

    public TfjsBackend Backend { get; }

    public string Id => Backend.Id;

    public EngineCapabilities Capabilities => Backend.Capabilities;

    public FrameworkFamily Family => FrameworkFamily.TensorFlow;

    /// <summary>
    /// The browser page (the layers model, and onnxruntime-web beside it) and why there is no TensorFlow.js server here.
    /// Offered by "tfjs" only: every backend's id shares one worker package, and each row must appear once.
    /// </summary>
    public IReadOnlyList<IDeploymentCapability> Deployment =>
        Backend == TfjsBackend.Auto ? [new TfjsBrowser(), TfjsServingGap.Gap] : [];

    /// <summary>
    /// "tfjs" (the fastest backend that starts here) is in every default run, so the default suite answers "TensorFlow
    /// or PyTorch?"; the other ids name one backend each and run when named (--engines torchsharp,tfjs:wasm).
    /// </summary>
    public bool IncludedByDefault => Backend == TfjsBackend.Auto;

    /// <summary>The one line a run prints when "tfjs" must fall back to the JavaScript kernels for want of Chromium.</summary>
    public const string NoChromiumShortfall =
        "Chromium not found, TensorFlow.js runs on its slow cpu backend (JavaScript kernels: seconds a training step) "
        + "instead of webgl; fix: sudo apt-get install chromium (or run ./versus, which installs it)";

    public async Task<EngineAvailability> CheckAvailabilityAsync(CancellationToken cancellationToken)
    {
        var (node, problem) = await NodeRuntime.FindAsync(cancellationToken);
        if (node is null)
            return EngineAvailability.Unusable(problem!, $"install Node.js {NodeRuntime.Minimum.Major} or newer (https://nodejs.org, or your package manager's 'nodejs' and 'npm') and make sure 'node' is on PATH");
        var installProblem = await packages.EnsureInstalledAsync(cancellationToken);
        if (installProblem is not null)
            return EngineAvailability.Unusable(installProblem, $"check that npm can reach its registry (or a mirror) once, then run again; the packages are installed in {packages.Folder}");
        var version = $"TensorFlow.js {packages.PackageVersion("@tensorflow/tfjs")} on Node v{node.Version}";
        if (Backend.Host == TfjsHost.Chromium)
        {
            var browser = ChromiumBrowser.Find();
            if (browser is null)
                return EngineAvailability.Unusable($"Chromium is not installed (looked for {string.Join(", ", ChromiumBrowser.Candidates)})",
                    $"install Debian's 'chromium' package (apt-get install chromium; Mesa's EGL/DRI drivers, libegl-mesa0 and libgl1-mesa-dri, come with it) or set {ChromiumBrowser.ExecutableVariable} to a Chrome or Chromium executable");
            return EngineAvailability.Usable($"{version}, backend {Backend.Name} in headless Chromium ({browser}, driven by playwright-core {packages.PackageVersion("playwright-core")}); the renderer is recorded with every figure");
        }
        var backend = Backend.Name switch
        {
            "wasm" => "wasm (inference only)",
            "tensorflow" when !packages.HasNativeBackend => null,
            "tensorflow" => $"tensorflow (@tensorflow/tfjs-node {packages.PackageVersion("@tensorflow/tfjs-node")})",
            "cpu" => "cpu (JavaScript kernels)",
            _ when packages.HasNativeBackend => $"tensorflow if @tensorflow/tfjs-node {packages.PackageVersion("@tensorflow/tfjs-node")} loads, else {AutoFallback()}",
            _ => $"{AutoFallback()} (@tensorflow/tfjs-node is not installed)",
        };
        if (backend is null)
            return EngineAvailability.Unusable("@tensorflow/tfjs-node is not installed: its install script downloads libtensorflow, so it is an optional install that needs internet access once",
                $"run 'npm install @tensorflow/tfjs-node@{packages.PackageVersion("@tensorflow/tfjs")}' in {packages.Folder} on a machine with internet access");
        var summary = $"{version}, backend {backend}";
        return Backend == TfjsBackend.Auto && !packages.HasNativeBackend && ChromiumBrowser.Find() is null
            ? EngineAvailability.Degraded(summary, NoChromiumShortfall)
            : EngineAvailability.Usable(summary);
    }

    /// <summary>What "tfjs" falls back to without the native backend: WebGL in Chromium where Chromium is installed.</summary>
    private static string AutoFallback() => ChromiumBrowser.Find() is { } browser
        ? $"webgl in headless Chromium ({browser}) if it starts, else cpu (JavaScript kernels)"
        : "cpu (JavaScript kernels; install Debian's 'chromium' for webgl, several times faster)";

    public WorkerLaunch CreateWorkerLaunch(WorkerLaunchContext context) => new("node", [packages.Script, .. Backend.WorkerArguments]);
}
