using Versus.Core.Deployment;

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

    /// <summary>
    /// What this engine offers the deployment probes (serve, export to ONNX, run an ONNX file, edge, browser) and the
    /// targets it cannot reach here, with why. Empty for an engine that deploys nowhere. Engines with several ids (one
    /// per backend) offer them on one id only, so each row appears once.
    /// </summary>
    IReadOnlyList<IDeploymentCapability> Deployment => [];

    Task<EngineAvailability> CheckAvailabilityAsync(CancellationToken cancellationToken);

    WorkerLaunch CreateWorkerLaunch(WorkerLaunchContext context);
}
