using Microsoft.Data.Sqlite;
using Versus.Store;

namespace Versus.Cli.Tests;

/// <summary>
/// Runs a versus command that must be refused, beside a store seeded with one run: exit code 2, one line on stderr
/// starting "error: " without control characters, no stack trace, and the store intact afterwards (SQLite's integrity
/// check passes, the seeded run is still there, and no other run was stored).
/// </summary>
public sealed class RefusalCheck(TempDirectory temp)
{
    public const string SeededRun = "20990101-seeded";
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(120);

    /// <summary>The seeded store.</summary>
    public string Db => temp.File("results.db");

    /// <summary>Seeds the store, runs versus with <paramref name="args"/>, checks the refusal; returns its one line.</summary>
    public async Task<string> RefusedAsync(params string[] args)
    {
        await using (var store = await SqliteResultStore.OpenAsync(Db))
            await store.BeginRunAsync(HandmadeRun.Of(SeededRun, "completed", temp.File("seeded")) with { Measurements = [] });

        var result = await VersusProcess.RunAsync(Limit, args);

        Assert.True(result.ExitCode == 2, $"exit {result.ExitCode}: {result.Stderr}");
        Assert.DoesNotContain("   at ", result.Stderr);
        Assert.DoesNotContain("Exception", result.Stderr);
        var line = Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: ", line);
        Assert.DoesNotContain(line, char.IsControl);
        AssertStoreIntact();
        return line;
    }

    /// <summary>"versus run --quick" into the seeded store, with --out the folder "out" unless <paramref name="args"/> give one.</summary>
    public async Task<string> RunRefusedAsync(params string[] args) =>
        await RefusedAsync(["run", "--quick", "--db", Db, .. args.Contains("--out") ? Array.Empty<string>() : ["--out", temp.File("out")], .. args]);

    private void AssertStoreIntact()
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Db, Pooling = false }.ToString());
        connection.Open();
        using var check = connection.CreateCommand();
        check.CommandText = "PRAGMA integrity_check";
        Assert.Equal("ok", check.ExecuteScalar());
        using var runs = connection.CreateCommand();
        runs.CommandText = "SELECT id FROM runs";
        using var reader = runs.ExecuteReader();
        Assert.True(reader.Read(), "the seeded run is gone");
        Assert.Equal(SeededRun, reader.GetString(0));
        Assert.False(reader.Read(), "a run was stored");
    }
}
