using System.Data;
using Npgsql;
using Versus.Core.Environments;
using Versus.Core.Results;
using Versus.Store.Sqlite;

namespace Versus.Store.Postgres;

/// <summary>The read side of <see cref="PostgresResultStore"/>.</summary>
internal static class PostgresRunReader
{
    // Enough to show the user what the prefix hit without printing a whole table.
    private const int AmbiguityCandidates = 5;

    // COLLATE "C": ids sort by their bytes, as in SQLite, whatever locale the team's database was created with.
    public static async Task<IReadOnlyList<RunSummary>> ListRunsAsync(NpgsqlConnection connection, int limit, CancellationToken cancellationToken)
    {
        await using var command = PostgresCommands.Create(connection, null, """
            SELECT r.id, r.started_at_ticks, r.finished_at_ticks, r.status, r.versus_version, r.machine, r.cpu,
                   r.engines_json::text, r.workloads_json::text,
                   (SELECT count(*) FROM measurements m WHERE m.run_id = r.id AND m.status = @ok),
                   (SELECT count(*) FROM measurements m WHERE m.run_id = r.id AND m.status = @failed),
                   (SELECT count(*) FROM measurements m WHERE m.run_id = r.id AND m.status = @skipped)
            FROM runs r
            ORDER BY r.started_at_ticks DESC, r.id COLLATE "C" DESC
            LIMIT @limit
            """,
            ("ok", StoreText.Name(MeasurementStatus.Ok)),
            ("failed", StoreText.Name(MeasurementStatus.Failed)),
            ("skipped", StoreText.Name(MeasurementStatus.Skipped)),
            ("limit", limit));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var runs = new List<RunSummary>();
        while (await reader.ReadAsync(cancellationToken))
        {
            runs.Add(new RunSummary(
                reader.GetString(0),
                Time(reader.GetInt64(1)),
                reader.IsDBNull(2) ? null : Time(reader.GetInt64(2)),
                reader.GetString(3),
                reader.GetString(4),
                reader.GetString(5),
                reader.GetString(6),
                [.. ResultsJson.Deserialize<List<EngineRecord>>(reader.GetString(7)).Select(e => e.Id)],
                [.. ResultsJson.Deserialize<List<WorkloadRecord>>(reader.GetString(8)).Select(w => w.Id)],
                new MeasurementCounts((int)reader.GetInt64(9), (int)reader.GetInt64(10), (int)reader.GetInt64(11))));
        }

        return runs;
    }

    public static async Task<RunResults?> LoadRunAsync(NpgsqlConnection connection, string runIdOrPrefix, CancellationToken cancellationToken)
    {
        // One snapshot for the header and the measurements while a run is being written: REPEATABLE READ, read only.
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
        var runId = await ResolveAsync(connection, transaction, runIdOrPrefix, cancellationToken);
        var run = runId is null ? null : await ReadRunAsync(connection, transaction, runId, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return run;
    }

    private static async Task<string?> ResolveAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string prefix, CancellationToken cancellationToken)
    {
        if (await PostgresCommands.ScalarAsync(connection, transaction, "SELECT id FROM runs WHERE id = @id", cancellationToken, ("id", prefix)) is string exact)
        {
            return exact;
        }

        // starts_with, not LIKE: '_' and '%' in the prefix are characters to match, not wildcards.
        const string matches = "FROM runs WHERE starts_with(id, @prefix)";
        var count = (long)(await PostgresCommands.ScalarAsync(connection, transaction, $"SELECT count(*) {matches}", cancellationToken, ("prefix", prefix)))!;
        if (count == 0) return null;

        var candidates = new List<string>();
        await using (var command = PostgresCommands.Create(connection, transaction, $"SELECT id {matches} ORDER BY id COLLATE \"C\" LIMIT @limit",
                         ("prefix", prefix), ("limit", AmbiguityCandidates)))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken)) candidates.Add(reader.GetString(0));
        }

        return count == 1 ? candidates[0] : throw new AmbiguousRunIdException(prefix, (int)count, candidates);
    }

    private static async Task<RunResults?> ReadRunAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string runId, CancellationToken cancellationToken)
    {
        string schemaVersion, status, options, environment, engines, workloads, statisticsMethod;
        long startedAt;
        long? finishedAt;
        await using (var command = PostgresCommands.Create(connection, transaction, """
            SELECT results_schema_version, started_at_ticks, finished_at_ticks, status, options_json::text, environment_json::text,
                   engines_json::text, workloads_json::text, statistics_method
            FROM runs WHERE id = @id
            """, ("id", runId)))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            // One open reader per connection: read the header whole before the measurements' query.
            if (!await reader.ReadAsync(cancellationToken)) return null;
            schemaVersion = reader.GetString(0);
            startedAt = reader.GetInt64(1);
            finishedAt = reader.IsDBNull(2) ? null : reader.GetInt64(2);
            status = reader.GetString(3);
            options = reader.GetString(4);
            environment = reader.GetString(5);
            engines = reader.GetString(6);
            workloads = reader.GetString(7);
            statisticsMethod = reader.GetString(8);
        }

        var measurements = await ReadRecordsAsync<MeasurementRecord>(connection, transaction, "measurements", runId, cancellationToken);
        var deployment = await ReadRecordsAsync<DeploymentRecord>(connection, transaction, "deployments", runId, cancellationToken);
        return new RunResults(
            schemaVersion,
            runId,
            Time(startedAt),
            finishedAt is { } finished ? Time(finished) : null,
            status,
            ResultsJson.Deserialize<RunOptionsRecord>(options),
            ResultsJson.Deserialize<EnvironmentInfo>(environment),
            ResultsJson.Deserialize<List<EngineRecord>>(engines),
            ResultsJson.Deserialize<List<WorkloadRecord>>(workloads),
            measurements,
            statisticsMethod,
            Deployment: deployment.Count == 0 ? null : deployment);
    }

    /// <summary>The record_json of every row of a run in one table, in save order (surrogate ids grow with each insert).</summary>
    private static async Task<IReadOnlyList<T>> ReadRecordsAsync<T>(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string table, string runId, CancellationToken cancellationToken)
    {
        await using var command = PostgresCommands.Create(connection, transaction,
            $"SELECT record_json::text FROM {table} WHERE run_id = @runId ORDER BY id", ("runId", runId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var records = new List<T>();
        while (await reader.ReadAsync(cancellationToken)) records.Add(ResultsJson.Deserialize<T>(reader.GetString(0)));
        return records;
    }

    private static DateTimeOffset Time(long utcTicks) => new(utcTicks, TimeSpan.Zero);
}
