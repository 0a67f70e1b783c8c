namespace Versus.Core.Engines;

/// <summary>What a provider may use to build its worker command: how to start this very program in worker mode.</summary>
public sealed record WorkerLaunchContext(WorkerLaunch Self);
