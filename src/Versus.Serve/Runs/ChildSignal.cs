using System.Runtime.InteropServices;

namespace Versus.Serve.Runs;

/// <summary>
/// Asks a child 'versus run' to stop (SIGTERM, which it handles as Ctrl+C): it abandons the measurement in flight, keeps
/// every finished one and closes the run as "cancelled". Not SIGINT: a dashboard started in the background of a script
/// (nohup versus serve &amp;, as CI starts its tests) has SIGINT ignored, its children inherit that, and .NET then leaves
/// SIGINT ignored, so the run went on to its end as if never cancelled. .NET's Process.Kill only sends SIGKILL, which
/// would leave the run marked running forever.
/// </summary>
internal static partial class ChildSignal
{
    private const int SigTerm = 15;

    public static bool Stop(int processId) => OperatingSystem.IsWindows() ? false : Kill(processId, SigTerm) == 0;

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
