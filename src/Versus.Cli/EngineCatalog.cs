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

    public static IEngineProvider? Find(string id) => All.FirstOrDefault(e => e.Id == id);
}
