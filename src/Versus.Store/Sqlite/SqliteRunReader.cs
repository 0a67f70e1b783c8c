using Microsoft.Data.Sqlite;
using Versus.Core.Environments;
using Versus.Core.Results;

namespace Versus.Store.Sqlite;

/// <summary>The read side of <see cref="SqliteResultStore"/>.</summary>
internal static class SqliteRunReader
{
    // Enough to show the user what the prefix hit without printing a whole table.
    private const int AmbiguityCandidates = 5;

    public static async Task<IReadOnlyList<RunSummary>> ListRunsAsync(SqliteConnection connection, int limit, CancellationToken cancellationToken)
    {
        await using var command = SqliteCommands.Create(connection, null, """
            SELECT r.id, r.started_at, r.finished_at, r.status, r.versus_version, r.machine, r.cpu, r.engines_json, r.workloads_json,
                   (SELECT count(*) FROM measurements m WHERE m.run_id = r.id AND m.status = $ok),
                   (SELECT count(*) FROM measurements m WHERE m.run_id = r.id AND m.status = $failed),
                   (SELECT count(*) FROM measurements m WHERE m.run_id = r.id AND m.status = $skipped)
            FROM runs r
            ORDER BY r.started_at DESC, r.id DESC
            LIMIT $limit
            """,
            ("$ok", StoreText.Name(MeasurementStatus.Ok)),
            ("$failed", StoreText.Name(MeasurementStatus.Failed)),
            ("$skipped", StoreText.Name(MeasurementStatus.Skipped)),
            ("$limit", limit));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var runs = new List<RunSummary>();
        while (await reader.ReadAsync(cancellationToken))
        {
            runs.Add(new RunSummary(
                reader.GetString(0),
                StoreText.Time(reader.GetString(1)),
                reader.IsDBNull(2) ? null : StoreText.Time(reader.GetString(2)),
                reader.GetString(3),
                reader.GetString(4),
                reader.GetString(5),
                reader.GetString(6),
                [.. ResultsJson.Deserialize<List<EngineRecord>>(reader.GetString(7)).Select(e => e.Id)],
                [.. ResultsJson.Deserialize<List<WorkloadRecord>>(reader.GetString(8)).Select(w => w.Id)],
                new MeasurementCounts(reader.GetInt32(9), reader.GetInt32(10), reader.GetInt32(11))));
        }

        return runs;
    }

    public static async Task<RunResults?> LoadRunAsync(SqliteConnection connection, string runIdOrPrefix, CancellationToken cancellationToken)
    {
        // One read transaction: the header and the measurements come from the same snapshot while a run is being written.
        using var transaction = connection.BeginTransaction(deferred: true);
        var runId = await ResolveAsync(connection, transaction, runIdOrPrefix, cancellationToken);
        return runId is null ? null : await ReadRunAsync(connection, transaction, runId, cancellationToken);
    }

    private static async Task<string?> ResolveAsync(SqliteConnection connection, SqliteTransaction transaction, string prefix, CancellationToken cancellationToken)
    {
        if (await SqliteCommands.ScalarAsync(connection, transaction, "SELECT id FROM runs WHERE id = $id", cancellationToken, ("$id", prefix)) is string exact)
        {
            return exact;
        }

        // substr, not LIKE: LIKE is case-insensitive in SQLite and treats '_' and '%' in the prefix as wildcards.
        const string matches = "FROM runs WHERE substr(id, 1, length($prefix)) = $prefix";
        var count = Convert.ToInt32(
            await SqliteCommands.ScalarAsync(connection, transaction, $"SELECT count(*) {matches}", cancellationToken, ("$prefix", prefix)),
            System.Globalization.CultureInfo.InvariantCulture);
        if (count == 0) return null;

        var candidates = new List<string>();
        await using (var command = SqliteCommands.Create(connection, transaction, $"SELECT id {matches} ORDER BY id LIMIT $limit",
                         ("$prefix", prefix), ("$limit", AmbiguityCandidates)))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken)) candidates.Add(reader.GetString(0));
        }

        return count == 1 ? candidates[0] : throw new AmbiguousRunIdException(prefix, count, candidates);
    }

    private static async Task<RunResults?> ReadRunAsync(SqliteConnection connection, SqliteTransaction transaction, string runId, CancellationToken cancellationToken)
    {
        await using var command = SqliteCommands.Create(connection, transaction, """
            SELECT results_schema_version, started_at, finished_at, status, options_json, environment_json, engines_json,
                   workloads_json, statistics_method
            FROM runs WHERE id = $id
            """, ("$id", runId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken)) return null;

        var deployment = await ReadRecordsAsync<DeploymentRecord>(connection, transaction, "deployments", runId, cancellationToken);
        return new RunResults(
            reader.GetString(0),
            runId,
            StoreText.Time(reader.GetString(1)),
            reader.IsDBNull(2) ? null : StoreText.Time(reader.GetString(2)),
            reader.GetString(3),
            ResultsJson.Deserialize<RunOptionsRecord>(reader.GetString(4)),
            ResultsJson.Deserialize<EnvironmentInfo>(reader.GetString(5)),
            ResultsJson.Deserialize<List<EngineRecord>>(reader.GetString(6)),
            ResultsJson.Deserialize<List<WorkloadRecord>>(reader.GetString(7)),
            await ReadRecordsAsync<MeasurementRecord>(connection, transaction, "measurements", runId, cancellationToken),
            reader.GetString(8),
            Deployment: deployment.Count == 0 ? null : deployment);
    }


    /// <summary>The record_json of every row of a run in one table, in save order (surrogate ids grow with each insert).</summary>
    private static async Task<IReadOnlyList<T>> ReadRecordsAsync<T>(
        SqliteConnection connection, SqliteTransaction transaction, string table, string runId, CancellationToken cancellationToken)
    {
        await using var command = SqliteCommands.Create(connection, transaction,
            $"SELECT record_json FROM {table} WHERE run_id = $runId ORDER BY id", ("$runId", runId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var records = new List<T>();
        while (await reader.ReadAsync(cancellationToken)) records.Add(ResultsJson.Deserialize<T>(reader.GetString(0)));
        return records;
    }
}
