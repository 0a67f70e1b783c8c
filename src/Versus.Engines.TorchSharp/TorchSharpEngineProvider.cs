using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using TorchSharp;
using Versus.Core.Deployment;
using Versus.Core.Engines;
using Versus.Engines.TorchSharp.Deployment;
using Versus.Engines.TorchSharp.Native;

namespace Versus.Engines.TorchSharp;

/// <summary>
/// The "torchsharp" engine: its worker is this program's own worker mode, which loads the engine in-process. Every
/// path into TorchSharp goes through <see cref="OneDnnIsaLimit.Apply"/> and <see cref="LibStdCxxCompatibility.EnsureLoadable()"/> first, and the methods
/// that touch the <c>torch</c> class are kept out of line so its static initialisation cannot run before that.
/// </summary>
public sealed class TorchSharpEngineProvider : IEngineProvider, IInProcessEngineFactory
{
    public const string EngineId = "torchsharp";

    private static int interOpThreadsSet;

    public string Id => EngineId;

    public EngineCapabilities Capabilities => EngineCapabilities.Train | EngineCapabilities.Infer | EngineCapabilities.MatmulPeak;

    public FrameworkFamily Family => FrameworkFamily.PyTorch;

    /// <summary>Serves its trained module, and trains then exports to ONNX: the interop round trip's first half.</summary>
    public IReadOnlyList<IDeploymentCapability> Deployment => [new TorchSharpServing(this), new TorchSharpOnnxExport(this)];

    public Task<EngineAvailability> CheckAvailabilityAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        NativeCompatibilityReport report;
        try
        {
            OneDnnIsaLimit.Apply();
            report = LibStdCxxCompatibility.EnsureLoadable();
        }
        catch (NativeCompatibilityException e)
        {
            return Task.FromResult(EngineAvailability.Unusable(e.Problem, e.Fix));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            return Task.FromResult(EngineAvailability.Unusable(
                $"cannot check TorchSharp's native library: {e.Message}",
                "reinstall Versus (its libLibTorchSharp.so is unreadable or damaged)"));
        }
        try
        {
            return Task.FromResult(EngineAvailability.Usable($"{Describe()} ({report.Summary})"));
        }
        catch (Exception e)
        {
            // A native load failure surfaces as TypeInitializationException, DllNotFoundException or NotSupportedException.
            var root = e.GetBaseException();
            return Task.FromResult(EngineAvailability.Unusable(
                $"TorchSharp's native libraries do not load: {root.GetType().Name}: {root.Message}",
                $"check that libtorch's files sit next to the application (they come with the TorchSharp-cpu package) and that this is linux-x64, win-x64 or osx-arm64; native compatibility: {report.Summary}"));
        }
    }

    public WorkerLaunch CreateWorkerLaunch(WorkerLaunchContext context) =>
        context.Self with { Arguments = [.. context.Self.Arguments, "worker", "--engine", EngineId] };

    public IEngine Load(int threads)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        var isa = OneDnnIsaLimit.Apply();
        var report = LibStdCxxCompatibility.EnsureLoadable();
        return LoadTorch(threads, report, isa);
    }

    /// <summary>"TorchSharp 0.107.0, libtorch 2.x, cpu": initialises libtorch, so it fails if the native libraries do not load.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static string Describe()
    {
        using var scope = torch.NewDisposeScope();
        if (torch.ones(2, 2).matmul(torch.ones(2, 2)).sum().item<float>() != 8f) throw new InvalidOperationException("libtorch computed a wrong 2x2 matrix product.");
        return $"TorchSharp {PackageVersion}, libtorch {torch.__version__}, cpu";
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static TorchSharpEngine LoadTorch(int threads, NativeCompatibilityReport report, string? oneDnnMaxIsa)
    {
        // libtorch accepts the inter-op pool size once per process, before its first use, and a second call aborts the
        // process (TorchSharp does not turn that C++ error into an exception). A second engine in the same process
        // (tests) keeps the first size; the details below report the sizes actually in force.
        if (Interlocked.Exchange(ref interOpThreadsSet, 1) == 0) torch.set_num_interop_threads(threads);
        torch.set_num_threads(threads);

        var libtorch = torch.__version__;
        var details = new Dictionary<string, string>
        {
            ["torchsharp"] = PackageVersion,
            ["libtorch"] = libtorch,
            ["intraOpThreads"] = torch.get_num_threads().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["interOpThreads"] = torch.get_num_interop_threads().ToString(System.Globalization.CultureInfo.InvariantCulture),
            // The type libtorch creates the modules' parameters in, as libtorch reports it ("float32").
            ["dtype"] = torch.get_default_dtype().ToString().ToLowerInvariant(),
            ["nativeCompatibility"] = report.Summary,
        };
        // Convolutions run oneDNN's AVX2 kernels even on AVX-512 machines: its AVX-512 gradients are wrong (OneDnnIsaLimit).
        if (oneDnnMaxIsa is not null) details["oneDnnMaxCpuIsa"] = oneDnnMaxIsa;
        if (LoadedOpenMpRuntime() is { } openMp) details["parallelRuntime"] = $"OpenMP ({openMp})";
        foreach (var (key, value) in EngineDevice.Cpu()) details[key] = value;
        var info = new EngineInfo(
            EngineId,
            "PyTorch (libtorch) via TorchSharp",
            $"TorchSharp {PackageVersion} (libtorch {libtorch})",
            "cpu",
            RuntimeInformation.FrameworkDescription,
            torch.get_num_threads(),
            details,
            ThreadControl.Applied);
        return new TorchSharpEngine(info);
    }

    /// <summary>libtorch's CPU kernels parallelise through the OpenMP runtime it ships; naming it costs one read of /proc/self/maps.</summary>
    private static string? LoadedOpenMpRuntime()
    {
        if (!OperatingSystem.IsLinux()) return null;
        try
        {
            return LibStdCxxCompatibility.FindLoadedLibrary(File.ReadLines("/proc/self/maps"), "libgomp") is { } path ? Path.GetFileName(path) : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static string PackageVersion =>
        typeof(torch).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? typeof(torch).Assembly.GetName().Version?.ToString() ?? "unknown";
}
