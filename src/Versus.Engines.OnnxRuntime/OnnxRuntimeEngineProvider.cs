using System.Globalization;
using System.Reflection;
using System.Runtime.InteropServices;
using Microsoft.ML.OnnxRuntime;
using Versus.Core.Deployment;
using Versus.Core.Engines;
using Versus.Engines.OnnxRuntime.Deployment;
using Versus.Export.Onnx;

namespace Versus.Engines.OnnxRuntime;

/// <summary>
/// The "onnxruntime" engine: the deploy path. The workload is exported to ONNX and served by ONNX Runtime's CPU
/// execution provider. Inference only: ONNX Runtime's training builds are a separate package that is not served here,
/// and the planner skips training for engines without <see cref="EngineCapabilities.Train"/>. Its worker is this
/// program's own worker mode, like TorchSharp's.
/// </summary>
public sealed class OnnxRuntimeEngineProvider : IEngineProvider, IInProcessEngineFactory
{
    public const string EngineId = "onnxruntime";

    public string Id => EngineId;

    public EngineCapabilities Capabilities => EngineCapabilities.Infer | EngineCapabilities.MatmulPeak;

    public FrameworkFamily Family => FrameworkFamily.Onnx;

    /// <summary>Serves the exported file, loads another engine's export (interop) and runs it on the edge budget.</summary>
    public IReadOnlyList<IDeploymentCapability> Deployment =>
        [new OnnxRuntimeServing(), new OnnxRuntimeInterop(), new OnnxRuntimeEdge(), OnnxRuntimeEdge.Int8Gap];

    public Task<EngineAvailability> CheckAvailabilityAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            return Task.FromResult(EngineAvailability.Usable($"ONNX Runtime {NativeVersion()}, CPUExecutionProvider"));
        }
        catch (Exception e) when (e is DllNotFoundException or TypeInitializationException or OnnxRuntimeException or EntryPointNotFoundException or BadImageFormatException)
        {
            var root = e.GetBaseException();
            return Task.FromResult(EngineAvailability.Unusable(
                $"ONNX Runtime's native library does not load: {root.GetType().Name}: {root.Message}",
                "check that libonnxruntime.so sits next to the application (it comes with the Microsoft.ML.OnnxRuntime package, runtimes/linux-x64) and that this is a supported platform"));
        }
    }

    public WorkerLaunch CreateWorkerLaunch(WorkerLaunchContext context) =>
        context.Self with { Arguments = [.. context.Self.Arguments, "worker", "--engine", EngineId] };

    public IEngine Load(int threads)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        var native = NativeVersion();
        var settings = new SessionSettings(threads);
        var details = new Dictionary<string, string>
        {
            ["onnxruntime"] = native,
            ["managedPackage"] = ManagedVersion,
            ["executionProvider"] = SessionSettings.ExecutionProvider,
            ["graphOptimizationLevel"] = settings.OptimizationLevel.ToString(),
            ["executionMode"] = settings.ExecutionMode.ToString(),
            ["intraOpThreads"] = threads.ToString(CultureInfo.InvariantCulture),
            ["interOpThreads"] = settings.InterOpThreads.ToString(CultureInfo.InvariantCulture),
            ["opset"] = OnnxExportOptions.DefaultOpset.ToString(CultureInfo.InvariantCulture),
            ["irVersion"] = OnnxExporter.IrVersion.ToString(CultureInfo.InvariantCulture),
            ["model"] = "exported in-process from the spec and weights by Versus.Export.Onnx (OnnxSharp protobuf types)",
        };
        // No "dtype" here: the engine reads it from the workload's session once one exists (OnnxRuntimeEngine.PrepareAsync).
        // The CPU execution provider: the only one this engine loads.
        foreach (var (key, value) in EngineDevice.Cpu()) details[key] = value;
        var info = new EngineInfo(
            EngineId,
            "ONNX Runtime",
            $"ONNX Runtime {native}",
            $"cpu ({SessionSettings.ExecutionProvider})",
            RuntimeInformation.FrameworkDescription,
            threads,
            details,
            // SessionOptions takes the counts but ONNX Runtime has no call that reads a session's pool sizes back.
            ThreadControl.Configured);
        return new OnnxRuntimeEngine(info, settings);
    }

    /// <summary>The native library's own version: loading it is the engine load the protocol times.</summary>
    private static string NativeVersion() => OrtEnv.Instance().GetVersionString();

    private static string ManagedVersion =>
        typeof(InferenceSession).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? typeof(InferenceSession).Assembly.GetName().Version?.ToString() ?? "unknown";
}
