using Npgsql;
using Versus.Core.Results;
using Versus.Store.Sqlite;

namespace Versus.Store.Postgres;

/// <summary>
/// The write side of <see cref="PostgresResultStore"/>: each call one committed transaction. Writes to a run first lock
/// its row, so two writers of one run take turns (a measurement saved twice at once is replaced, not duplicated) while
/// writers of different runs never wait for each other.
/// </summary>
internal static class PostgresRunWriter
{
    public static async Task BeginRunAsync(NpgsqlConnection connection, RunResults run, string location, CancellationToken cancellationToken)
    {
        // ON CONFLICT, not a check first: two processes beginning the same id at once must not both pass the check.
        var inserted = await PostgresCommands.ExecuteAsync(connection, null, """
            INSERT INTO runs (id, started_at_ticks, finished_at_ticks, status, versus_version, machine, cpu, results_schema_version,
                              statistics_method, options_json, environment_json, engines_json, workloads_json)
            VALUES (@id, @startedAt, NULL, @status, @versusVersion, @machine, @cpu, @schemaVersion,
                    @statisticsMethod, CAST(@options AS json), CAST(@environment AS json), CAST(@engines AS json), CAST(@workloads AS json))
            ON CONFLICT (id) DO NOTHING
            """, cancellationToken,
            ("id", run.RunId),
            ("startedAt", run.StartedAt.UtcTicks),
            ("status", RunStatus.Running),
            ("versusVersion", run.Environment.VersusVersion),
            ("machine", run.Environment.MachineName),
            ("cpu", run.Environment.CpuModel),
            ("schemaVersion", run.SchemaVersion),
            ("statisticsMethod", run.StatisticsMethod),
            ("options", ResultsJson.Serialize(run.Options)),
            ("environment", ResultsJson.Serialize(run.Environment)),
            ("engines", ResultsJson.Serialize(run.Engines)),
            ("workloads", ResultsJson.Serialize(run.Workloads)));
        if (inserted == 0)
        {
            throw new StoreException($"Run '{run.RunId}' is already stored in '{location}'.");
        }
    }

    public static async Task SaveMeasurementAsync(
        NpgsqlConnection connection, string runId, MeasurementRecord m, string location, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await LockRunAsync(connection, transaction, runId, location, cancellationToken);

        // A measurement saved again (a retried worker) replaces the first copy; its metrics go with it (ON DELETE CASCADE).
        await PostgresCommands.ExecuteAsync(connection, transaction,
            "DELETE FROM measurements WHERE run_id = @runId AND record_id = @recordId",
            cancellationToken, ("runId", runId), ("recordId", m.Id));
        var measurementId = (long)(await PostgresCommands.ScalarAsync(connection, transaction, """
            INSERT INTO measurements (run_id, record_id, engine, engine_version, backend, workload, kind, status, reason,
                                      started_at, finished_at, record_json)
            VALUES (@runId, @recordId, @engine, @engineVersion, @backend, @workload, @kind, @status, @reason,
                    @startedAt, @finishedAt, CAST(@json AS json))
            RETURNING id
            """, cancellationToken,
            ("runId", runId),
            ("recordId", m.Id),
            ("engine", m.Engine),
            ("engineVersion", m.EngineInfo?.Version),
            ("backend", m.EngineInfo?.Backend),
            ("workload", m.Workload),
            ("kind", StoreText.Name(m.Kind)),
            ("status", StoreText.Name(m.Status)),
            ("reason", m.Reason),
            ("startedAt", m.StartedAt.UtcDateTime),
            ("finishedAt", m.FinishedAt.UtcDateTime),
            ("json", ResultsJson.Serialize(m))))!;

        foreach (var metric in m.Metrics)
        {
            var s = metric.Summary;
            await PostgresCommands.ExecuteAsync(connection, transaction, """
                INSERT INTO metrics (measurement_id, name, unit, count, median, ci95_low, ci95_high, p90, p99)
                VALUES (@measurementId, @name, @unit, @count, @median, @ci95Low, @ci95High, @p90, @p99)
                """, cancellationToken,
                ("measurementId", measurementId),
                ("name", metric.Name),
                ("unit", metric.Unit),
                ("count", s?.Count ?? metric.Samples.Count),
                ("median", StoreText.Finite(s?.Median)),
                ("ci95Low", StoreText.Finite(s?.Ci95Low)),
                ("ci95High", StoreText.Finite(s?.Ci95High)),
                ("p90", StoreText.Finite(s?.P90)),
                ("p99", StoreText.Finite(s?.P99)));
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public static async Task SaveDeploymentAsync(
        NpgsqlConnection connection, string runId, DeploymentRecord d, string location, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await LockRunAsync(connection, transaction, runId, location, cancellationToken);

        var target = StoreText.Name(d.Target);
        await PostgresCommands.ExecuteAsync(connection, transaction,
            "DELETE FROM deployments WHERE run_id = @runId AND target = @target AND engine = @engine AND workload = @workload",
            cancellationToken, ("runId", runId), ("target", target), ("engine", d.Engine), ("workload", d.Workload));
        await PostgresCommands.ExecuteAsync(connection, transaction, """
            INSERT INTO deployments (run_id, target, engine, workload, status, evidence, source, record_json)
            VALUES (@runId, @target, @engine, @workload, @status, @evidence, @source, CAST(@json AS json))
            """, cancellationToken,
            ("runId", runId),
            ("target", target),
            ("engine", d.Engine),
            ("workload", d.Workload),
            ("status", StoreText.Name(d.Status)),
            ("evidence", d.Evidence),
            ("source", d.Source),
            ("json", ResultsJson.Serialize(d)));
        await transaction.CommitAsync(cancellationToken);
    }

    public static async Task FinishRunAsync(
        NpgsqlConnection connection, string runId, string status, DateTimeOffset finishedAt, string location, CancellationToken cancellationToken)
    {
        var updated = await PostgresCommands.ExecuteAsync(connection, null,
            "UPDATE runs SET status = @status, finished_at_ticks = @finishedAt WHERE id = @id",
            cancellationToken, ("id", runId), ("status", status), ("finishedAt", finishedAt.UtcTicks));
        if (updated == 0)
        {
            throw UnknownRun(runId, location);
        }
    }

    // NO KEY UPDATE: it waits for another writer of this run, but not for the foreign-key checks of inserts elsewhere.
    private static async Task LockRunAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string runId, string location, CancellationToken cancellationToken)
    {
        if (await PostgresCommands.ScalarAsync(connection, transaction, "SELECT 1 FROM runs WHERE id = @id FOR NO KEY UPDATE",
                cancellationToken, ("id", runId)) is null)
        {
            throw UnknownRun(runId, location);
        }
    }

    private static StoreException UnknownRun(string runId, string location) =>
        new($"Run '{runId}' is not in '{location}': begin the run before saving or finishing it.");
}
