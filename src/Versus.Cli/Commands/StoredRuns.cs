using Versus.Cli.Console;
using Versus.Core.Parity;
using Versus.Core.Results;
using Versus.Store;

namespace Versus.Cli.Commands;

/// <summary>One stored run as the commands that read the store show it, or the one line that says it is not there.</summary>
public static class StoredRuns
{
    /// <summary>The run with its parity recomputed (a pure function of the stored measurements, so not stored twice); null after printing why not.</summary>
    public static async Task<RunResults?> LoadAsync(IResultStore store, string run, CancellationToken cancellationToken)
    {
        var stored = await store.LoadRunAsync(run, cancellationToken);
        if (stored is null)
        {
            ErrorLine.Print($"RUN '{run}' is not stored in {store.Location}; 'versus history' lists the runs");
            return null;
        }
        return stored with { Parity = ParityAnalyzer.Analyze(stored.Measurements) };
    }
}
