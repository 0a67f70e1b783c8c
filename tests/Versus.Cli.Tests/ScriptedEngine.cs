using Versus.Core.Engines;

namespace Versus.Cli.Tests;

/// <summary>An engine whose worker is a bash script: a real child process that crashes, hangs or talks nonsense.</summary>
public sealed class ScriptedEngine(string id, string script) : IEngineProvider
{
    public string Id => id;

    public EngineCapabilities Capabilities => EngineCapabilities.Train | EngineCapabilities.Infer;

    public FrameworkFamily Family => FrameworkFamily.PyTorch;

    public Task<EngineAvailability> CheckAvailabilityAsync(CancellationToken cancellationToken) =>
        Task.FromResult(EngineAvailability.Usable("bash script"));

    public WorkerLaunch CreateWorkerLaunch(WorkerLaunchContext context) => new("bash", ["-c", script]);
}
