using Versus.Core.Deployment;
using Versus.Core.Engines;
using Versus.Engines.TorchSharp;

namespace Versus.Cli;

/// <summary>Every engine Versus knows. Adding an engine is one project and one line here.</summary>
public static class EngineCatalog
{
    public static IReadOnlyList<IEngineProvider> All { get; } =
    [
        new TorchSharpEngineProvider(),
        .. Versus.Engines.Tfjs.TfjsEngineProvider.All,
        new Versus.Engines.OnnxRuntime.OnnxRuntimeEngineProvider(),
    ];

    /// <summary>
    /// What the registered engines offer the deployment probes, in the order above: the deployment worker hands these
    /// to the probes, so an engine's deployment rows come with its one line here.
    /// </summary>
    public static IReadOnlyList<IDeploymentCapability> Deployment { get; } = [.. All.SelectMany(e => e.Deployment)];

    public static IEngineProvider? Find(string id) => All.FirstOrDefault(e => e.Id == id);
}
