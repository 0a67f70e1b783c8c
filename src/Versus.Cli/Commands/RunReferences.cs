using Versus.Cli.Console;
using Versus.Core.Results;
using Versus.Store;

namespace Versus.Cli.Commands;

/// <summary>
/// Runs named on the command line: a results.json (or a run folder holding one), else a stored run id or a unique prefix
/// of it. The store is opened only when a run is looked up in it, so comparing two files creates no database.
/// </summary>
public sealed class RunReferences(string? db) : IAsyncDisposable
{
    private IResultStore? store;

    /// <summary>The run, or null after printing one line that names <paramref name="role"/> ("A", "--compare") and the fix.</summary>
    /// <exception cref="StoreException">The store cannot be opened, or a prefix matches several runs.</exception>
    public async Task<RunResults?> LoadAsync(string role, string reference, CancellationToken cancellationToken)
    {
        var file = Directory.Exists(reference) ? Path.Combine(reference, "results.json") : reference;
        if (File.Exists(file))
        {
            var read = ResultsFile.Read(file);
            if (read.Results is { } results) return results;
            ErrorLine.Print($"{role} '{reference}' {read.Problem}");
            return null;
        }
        if (LooksLikePath(reference))
        {
            ErrorLine.Print($"{role} '{reference}' is not a file or a run folder with a results.json; give an existing path, or a run id ('versus history' lists the runs)");
            return null;
        }
        store ??= await ResultStores.OpenAsync(db, cancellationToken);
        if (await store.LoadRunAsync(reference, cancellationToken) is { } stored) return stored;
        ErrorLine.Print($"{role} '{reference}' is not stored in {store.Location} and is not a results.json; 'versus history' lists the runs");
        return null;
    }

    public async ValueTask DisposeAsync()
    {
        if (store is not null) await store.DisposeAsync();
    }

    private static bool LooksLikePath(string reference) =>
        reference.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || reference.Contains('/') || reference.Contains(Path.DirectorySeparatorChar);
}
