using Microsoft.Data.Sqlite;
using Versus.Core.Results;

namespace Versus.Store.Sqlite;

/// <summary>The write side of <see cref="SqliteResultStore"/>: each method is one committed transaction.</summary>
internal static class SqliteRunWriter
{
    public static async Task BeginRunAsync(SqliteConnection connection, RunResults run, string location, CancellationToken cancellationToken)
    {
        using var transaction = connection.BeginTransaction(deferred: false);
        if (await RunExistsAsync(connection, transaction, run.RunId, cancellationToken))
        {
            throw new StoreException($"Run '{run.RunId}' is already stored in '{location}'.");
        }

        await SqliteCommands.ExecuteAsync(connection, transaction, """
            INSERT INTO runs (id, started_at, finished_at, status, versus_version, machine, cpu, results_schema_version,
                              statistics_method, options_json, environment_json, engines_json, workloads_json)
            VALUES ($id, $startedAt, NULL, $status, $versusVersion, $machine, $cpu, $schemaVersion,
                    $statisticsMethod, $options, $environment, $engines, $workloads)
            """, cancellationToken,
            ("$id", run.RunId),
            ("$startedAt", StoreText.Time(run.StartedAt)),
            ("$status", RunStatus.Running),
            ("$versusVersion", run.Environment.VersusVersion),
            ("$machine", run.Environment.MachineName),
            ("$cpu", run.Environment.CpuModel),
            ("$schemaVersion", run.SchemaVersion),
            ("$statisticsMethod", run.StatisticsMethod),
            ("$options", ResultsJson.Serialize(run.Options)),
            ("$environment", ResultsJson.Serialize(run.Environment)),
            ("$engines", ResultsJson.Serialize(run.Engines)),
            ("$workloads", ResultsJson.Serialize(run.Workloads)));
        await transaction.CommitAsync(cancellationToken);
    }

    public static async Task SaveMeasurementAsync(
        SqliteConnection connection, string runId, MeasurementRecord m, string location, CancellationToken cancellationToken)
    {
        using var transaction = connection.BeginTransaction(deferred: false);
        if (!await RunExistsAsync(connection, transaction, runId, cancellationToken))
        {
            throw UnknownRun(runId, location);
        }

        // A measurement saved again (a retried worker) replaces the first copy; its metrics go with it (ON DELETE CASCADE).
        await SqliteCommands.ExecuteAsync(connection, transaction,
            "DELETE FROM measurements WHERE run_id = $runId AND record_id = $recordId",
            cancellationToken, ("$runId", runId), ("$recordId", m.Id));
        var measurementId = (long)(await SqliteCommands.ScalarAsync(connection, transaction, """
            INSERT INTO measurements (run_id, record_id, engine, engine_version, backend, workload, kind, status, reason,
                                      started_at, finished_at, record_json)
            VALUES ($runId, $recordId, $engine, $engineVersion, $backend, $workload, $kind, $status, $reason,
                    $startedAt, $finishedAt, $json)
            RETURNING id
            """, cancellationToken,
            ("$runId", runId),
            ("$recordId", m.Id),
            ("$engine", m.Engine),
            ("$engineVersion", m.EngineInfo?.Version),
            ("$backend", m.EngineInfo?.Backend),
            ("$workload", m.Workload),
            ("$kind", StoreText.Name(m.Kind)),
            ("$status", StoreText.Name(m.Status)),
            ("$reason", m.Reason),
            ("$startedAt", StoreText.Time(m.StartedAt)),
            ("$finishedAt", StoreText.Time(m.FinishedAt)),
            ("$json", ResultsJson.Serialize(m))))!;

        foreach (var metric in m.Metrics)
        {
            var s = metric.Summary;
            await SqliteCommands.ExecuteAsync(connection, transaction, """
                INSERT INTO metrics (measurement_id, name, unit, count, median, ci95_low, ci95_high, p90, p99)
                VALUES ($measurementId, $name, $unit, $count, $median, $ci95Low, $ci95High, $p90, $p99)
                """, cancellationToken,
                ("$measurementId", measurementId),
                ("$name", metric.Name),
                ("$unit", metric.Unit),
                ("$count", s?.Count ?? metric.Samples.Count),
                ("$median", StoreText.Finite(s?.Median)),
                ("$ci95Low", StoreText.Finite(s?.Ci95Low)),
                ("$ci95High", StoreText.Finite(s?.Ci95High)),
                ("$p90", StoreText.Finite(s?.P90)),
                ("$p99", StoreText.Finite(s?.P99)));
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public static async Task SaveDeploymentAsync(
        SqliteConnection connection, string runId, DeploymentRecord d, string location, CancellationToken cancellationToken)
    {
        using var transaction = connection.BeginTransaction(deferred: false);
        if (!await RunExistsAsync(connection, transaction, runId, cancellationToken))
        {
            throw UnknownRun(runId, location);
        }

        var target = StoreText.Name(d.Target);
        await SqliteCommands.ExecuteAsync(connection, transaction,
            "DELETE FROM deployments WHERE run_id = $runId AND target = $target AND engine = $engine AND workload = $workload",
            cancellationToken, ("$runId", runId), ("$target", target), ("$engine", d.Engine), ("$workload", d.Workload));
        await SqliteCommands.ExecuteAsync(connection, transaction, """
            INSERT INTO deployments (run_id, target, engine, workload, status, evidence, source, record_json)
            VALUES ($runId, $target, $engine, $workload, $status, $evidence, $source, $json)
            """, cancellationToken,
            ("$runId", runId),
            ("$target", target),
            ("$engine", d.Engine),
            ("$workload", d.Workload),
            ("$status", StoreText.Name(d.Status)),
            ("$evidence", d.Evidence),
            ("$source", d.Source),
            ("$json", ResultsJson.Serialize(d)));
        await transaction.CommitAsync(cancellationToken);
    }

    public static async Task FinishRunAsync(
        SqliteConnection connection, string runId, string status, DateTimeOffset finishedAt, string location, CancellationToken cancellationToken)
    {
        var updated = await SqliteCommands.ExecuteAsync(connection, null,
            "UPDATE runs SET status = $status, finished_at = $finishedAt WHERE id = $id",
            cancellationToken, ("$id", runId), ("$status", status), ("$finishedAt", StoreText.Time(finishedAt)));
        if (updated == 0)
        {
            throw UnknownRun(runId, location);
        }
    }

    private static async Task<bool> RunExistsAsync(SqliteConnection connection, SqliteTransaction transaction, string runId, CancellationToken cancellationToken) =>
        await SqliteCommands.ScalarAsync(connection, transaction, "SELECT 1 FROM runs WHERE id = $id", cancellationToken, ("$id", runId)) is not null;

    private static StoreException UnknownRun(string runId, string location) =>
        new($"Run '{runId}' is not in '{location}': begin the run before saving or finishing it.");
}
