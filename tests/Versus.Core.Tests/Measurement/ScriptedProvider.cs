using Versus.Core.Engines;

namespace Versus.Core.Tests.Measurement;

/// <summary>An engine whose worker is a given launch (a bash script): real processes, scripted behaviour.</summary>
public sealed class ScriptedProvider(WorkerLaunch launch) : IEngineProvider
{
    public string Id => "scripted";

    public EngineCapabilities Capabilities => EngineCapabilities.Train | EngineCapabilities.Infer;

    public FrameworkFamily Family => FrameworkFamily.PyTorch;

    public Task<EngineAvailability> CheckAvailabilityAsync(CancellationToken cancellationToken) =>
        Task.FromResult(EngineAvailability.Usable("bash script"));

    public WorkerLaunch CreateWorkerLaunch(WorkerLaunchContext context) => launch;
}
