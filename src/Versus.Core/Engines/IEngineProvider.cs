namespace Versus.Core.Engines;

/// <summary>
/// An engine as the parent process sees it: an id, what it can do, whether it runs here, and how to start its worker.
/// Adding an engine is one project implementing this plus one registration line in the CLI.
/// </summary>
public interface IEngineProvider
{
    string Id { get; }

    EngineCapabilities Capabilities { get; }

    Task<EngineAvailability> CheckAvailabilityAsync(CancellationToken cancellationToken);

    WorkerLaunch CreateWorkerLaunch(WorkerLaunchContext context);
}
