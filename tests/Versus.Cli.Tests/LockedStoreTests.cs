using Microsoft.Data.Sqlite;
using Versus.Core.Results;
using Versus.Store;

namespace Versus.Cli.Tests;

/// <summary>
/// A SQLite store that another process locks in the middle of a run: the run says so in one line naming the store and
/// 'versus import', keeps every measurement in results.json, ends with exit 4 (store incomplete), and importing its
/// results.json afterwards puts the whole run in the store.
/// </summary>
public sealed class LockedStoreTests : IDisposable
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(2);
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task Should_KeepTheRunInResultsJsonAndExitStoreIncomplete_When_TheStoreIsLockedMidRun()
    {
        var (folder, db) = (temp.File("run"), temp.File("results.db"));
        var results = Path.Combine(folder, "results.json");
        // Three workloads: about 10 s of inference still to store after the peak, so the lock below is taken before the
        // run's last write even when this machine is slow to start the test's own SQLite connection.
        using var run = RunningVersus.Start("run", "--engines", "onnxruntime", "--workloads", "depth-2,depth-4,depth-8", "--quick", "--no-deploy",
            "--out", folder, "--db", db);
        // The machine peak is stored when its line is printed; then another process takes the write lock and keeps it.
        await run.WaitForLineAsync("[1/7] onnxruntime machine fp32 matmul peak:", Limit);
        VersusProcess.Result finished;
        await using (var holder = new SqliteConnection($"Data Source={db};Pooling=False"))
        {
            await holder.OpenAsync();
            await using (var exclusive = holder.CreateCommand())
            {
                exclusive.CommandText = "BEGIN EXCLUSIVE";
                await exclusive.ExecuteNonQueryAsync();
            }
            finished = await run.WaitForExitAsync(Limit);
        }

        Assert.True(finished.ExitCode == ExitCodes.StoreIncomplete, $"exit {finished.ExitCode}: {finished.Stdout} {finished.Stderr}");
        var lines = finished.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var failure = Assert.Single(lines, l => l.Contains("did not keep", StringComparison.Ordinal));
        Assert.StartsWith($"error: the store ({db}) did not keep ", failure);
        Assert.Contains($"The results database '{db}' is locked by another process (still locked after {SqliteResultStore.BusyTimeoutSeconds} s)", failure);
        Assert.Contains($"'versus import {results}' adds the whole run to the store afterwards", failure);
        Assert.DoesNotContain("   at ", finished.Stderr);
        var written = ResultsJson.Deserialize<RunResults>(File.ReadAllText(results));
        Assert.Equal("completed", written.Status);
        Assert.Equal(7, written.Measurements.Count);
        await using (var store = await SqliteResultStore.OpenAsync(db))
        {
            var cut = (await store.LoadRunAsync(written.RunId))!;
            Assert.Equal("running", cut.Status);
            Assert.True(cut.Measurements.Count < 7);
        }

        var import = await VersusProcess.RunAsync(Limit, "import", results, "--db", db);

        Assert.True(import.ExitCode == 0, $"exit {import.ExitCode}: {import.Stdout} {import.Stderr}");
        await using (var store = await SqliteResultStore.OpenAsync(db))
        {
            var stored = (await store.LoadRunAsync(written.RunId))!;
            Assert.Equal("completed", stored.Status);
            Assert.Equal(written.Measurements.Select(m => (m.Id, m.Status)), stored.Measurements.Select(m => (m.Id, m.Status)));
        }
    }
}
