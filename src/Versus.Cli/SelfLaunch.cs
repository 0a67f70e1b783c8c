using System.Reflection;
using Versus.Core.Engines;

namespace Versus.Cli;

/// <summary>How to start this program again as a worker: the apphost, or "dotnet versus.dll" when run through dotnet.</summary>
public static class SelfLaunch
{
    public static WorkerLaunchContext Context()
    {
        var process = Environment.ProcessPath ?? "dotnet";
        var entry = Assembly.GetEntryAssembly()?.Location;
        var viaDotnet = Path.GetFileNameWithoutExtension(process).Equals("dotnet", StringComparison.OrdinalIgnoreCase);
        // Under a test host the entry assembly is not this program: locate versus.dll beside this assembly instead.
        if (entry is null || !Path.GetFileNameWithoutExtension(entry).Equals("versus", StringComparison.OrdinalIgnoreCase))
        {
            entry = Path.Combine(AppContext.BaseDirectory, "versus.dll");
            viaDotnet = true;
            process = DotnetHost();
        }
        return new WorkerLaunchContext(viaDotnet ? new WorkerLaunch(process, [entry]) : new WorkerLaunch(process, []));
    }

    private static string DotnetHost()
    {
        var root = Environment.GetEnvironmentVariable("DOTNET_ROOT");
        var candidate = root is null ? null : Path.Combine(root, "dotnet");
        return candidate is not null && File.Exists(candidate) ? candidate : "dotnet";
    }
}
