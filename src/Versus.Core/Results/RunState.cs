namespace Versus.Core.Results;

/// <summary>
/// Where a run stands. Every run ends in one of the four final states whatever happened, except a SIGKILL (or power
/// loss), which leaves it <see cref="Running"/> until "versus run --resume" closes it. Written as
/// <see cref="RunStates.Wire"/> text in results.json and the store.
/// </summary>
public enum RunState
{
    Running,
    Completed,
    CompletedWithFailures,
    Cancelled,
    Failed,
}
