namespace Versus.Core.Results;

/// <summary>A results.json read back: the run, or the one problem (worded for the user) that stopped it.</summary>
public sealed record ResultsReadResult(RunResults? Results, string? Problem)
{
    public static ResultsReadResult Ok(RunResults results) => new(results, null);

    public static ResultsReadResult Failed(string problem) => new(null, problem);
}
