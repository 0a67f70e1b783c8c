namespace Versus.Store;

/// <summary>The run status a store writes itself; the others ("completed", "failed", ...) are the caller's words.</summary>
public static class RunStatus
{
    /// <summary>A begun run not yet finished: after a crash it stays so, which tells the user the run was cut short.</summary>
    public const string Running = "running";
}
