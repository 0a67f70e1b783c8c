namespace Versus.Core.Engines;

/// <summary>
/// An engine as the parent process sees it: an id, what it can do, whether it runs here, and how to start its worker.
/// Adding an engine is one project implementing this plus one registration line in the CLI.
/// </summary>
public interface IEngineProvider
{
    string Id { get; }

    EngineCapabilities Capabilities { get; }

    /// <summary>The framework this engine stands for in the verdict (TensorFlow, PyTorch, ONNX).</summary>
    FrameworkFamily Family { get; }

    /// <summary>
    /// Whether a run without --engines measures this engine. False for a variant that would only repeat a default
    /// engine's figures on one fixed backend (tfjs:cpu, tfjs:webgl beside tfjs, which picks the fastest); it still runs
    /// when named.
    /// </summary>
    bool IncludedByDefault => true;

    Task<EngineAvailability> CheckAvailabilityAsync(CancellationToken cancellationToken);

    WorkerLaunch CreateWorkerLaunch(WorkerLaunchContext context);
}
