namespace Versus.Core.Results;

/// <summary>The text of each <see cref="RunState"/> in results.json and the store ("completed-with-failures"), and back.</summary>
public static class RunStates
{
    public static string Wire(this RunState state) => state switch
    {
        RunState.Running => "running",
        RunState.Completed => "completed",
        RunState.CompletedWithFailures => "completed-with-failures",
        RunState.Cancelled => "cancelled",
        _ => "failed",
    };

    /// <summary>The state a stored status names; null for text no Versus writes.</summary>
    public static RunState? Parse(string status) =>
        Enum.GetValues<RunState>().Cast<RunState?>().FirstOrDefault(s => s!.Value.Wire() == status);

    /// <summary>A run that "versus run --resume" may not continue: it ended with every measurement done.</summary>
    public static bool IsFinished(this RunState state) => state is RunState.Completed or RunState.CompletedWithFailures;
}
