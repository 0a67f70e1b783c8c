using Versus.Core.Engines;

namespace Versus.Serve.Hosting;

/// <summary>
/// A validated "versus serve": where to listen, the store every page reads (and every started run writes), and what the
/// new-run form offers. <paramref name="Port"/> 0 asks for any free port (tests).
/// </summary>
public sealed record ServeOptions(
    int Port,
    bool AllowRemote,
    string? Token,
    string StorePath,
    RunLauncher Launcher,
    IReadOnlyList<IEngineProvider> Engines,
    IReadOnlyList<string> Workloads);
