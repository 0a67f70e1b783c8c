using System.Runtime.InteropServices;

namespace Versus.Serve.Runs;

/// <summary>
/// Asks a child 'versus run' to stop as Ctrl+C would (SIGINT): it abandons the measurement in flight, keeps every
/// finished one and closes the run as "cancelled". .NET's Process.Kill only sends SIGKILL, which would leave the run
/// marked running forever.
/// </summary>
internal static partial class ChildSignal
{
    private const int SigInt = 2;

    public static bool Interrupt(int processId) => OperatingSystem.IsWindows() ? false : Kill(processId, SigInt) == 0;

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
