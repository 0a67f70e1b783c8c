using Npgsql;
using Versus.Store.Migrations;
using Versus.Testing;
using Xunit;

namespace Versus.Store.Tests;

[Collection(PostgresCollection.Name)]
public sealed class PostgresMigrationTests(PostgresServer server)
{
    [SkippableFact]
    public async Task Should_ApplyNothing_When_OpeningUpToDateStore()
    {
        var (url, database) = await NewDatabaseAsync();
        await (await PostgresResultStore.OpenAsync(url)).DisposeAsync();
        var firstApplied = Rows(database, "SELECT version, name, applied_at FROM schema_migrations ORDER BY version");

        await using var reopened = await PostgresResultStore.OpenAsync(url);
        var applied = Rows(database, "SELECT version, name, applied_at FROM schema_migrations ORDER BY version");

        Assert.Equal(firstApplied, applied);
        Assert.Equal(Enumerable.Range(1, PostgresResultStore.KnownSchemaVersion), applied.Select(r => (int)r[0]!));
        Assert.Equal(["initial", "deployments"], applied.Select(r => (string)r[1]!));
        Assert.Equal(PostgresResultStore.KnownSchemaVersion, reopened.SchemaVersion);
        Assert.Equal(SqliteResultStore.KnownSchemaVersion, PostgresResultStore.KnownSchemaVersion);
    }

    [SkippableFact]
    public async Task Should_RefuseWithOneLine_When_SchemaIsNewerThanBuild()
    {
        var (url, database) = await NewDatabaseAsync();
        await (await PostgresResultStore.OpenAsync(url)).DisposeAsync();
        var future = PostgresResultStore.KnownSchemaVersion + 1;
        Execute(database, $"INSERT INTO schema_migrations (version, name) VALUES ({future}, 'from_the_future')");

        var ex = await Assert.ThrowsAsync<StoreException>(() => PostgresResultStore.OpenAsync(url));

        Assert.Equal(
            $"The results database 'postgres://versus@127.0.0.1:{server.Port}/{database}' has schema version {future}, but this " +
            $"Versus knows only up to {PostgresResultStore.KnownSchemaVersion}: upgrade Versus, or use --db with another database.",
            ex.Message);
        Assert.Equal(future, Scalar(database, "SELECT max(version) FROM schema_migrations"));
    }

    [SkippableFact]
    public async Task Should_ApplyOnlyPendingInOrder_When_BuildKnowsMoreMigrations()
    {
        var (url, database) = await NewDatabaseAsync();
        SqlMigration[] all =
        [
            new(1, "one", "CREATE TABLE t (id serial PRIMARY KEY, step text NOT NULL); INSERT INTO t (step) VALUES ('1');"),
            new(2, "two", "INSERT INTO t (step) VALUES ('2');"),
            new(3, "three", "ALTER TABLE t ADD COLUMN extra text; INSERT INTO t (step) VALUES ('3');"),
        ];
        await (await PostgresResultStore.OpenAsync(url, all[..2], CancellationToken.None)).DisposeAsync();

        await using var store = await PostgresResultStore.OpenAsync(url, all, CancellationToken.None);

        Assert.Equal(3, store.SchemaVersion);
        Assert.Equal(["1", "2", "3"], Rows(database, "SELECT step FROM t ORDER BY id").Select(r => (string)r[0]!));
    }

    [SkippableFact]
    public async Task Should_RollBackOnlyFailedMigration_When_ScriptFails()
    {
        var (url, database) = await NewDatabaseAsync();
        SqlMigration[] migrations =
        [
            new(1, "good", "CREATE TABLE a (id integer);"),
            new(2, "bad", "CREATE TABLE b (id integer); INSERT INTO no_such_table VALUES (1);"),
        ];

        var ex = await Assert.ThrowsAsync<StoreException>(() => PostgresResultStore.OpenAsync(url, migrations, CancellationToken.None));

        Assert.Contains("no_such_table", ex.Message, StringComparison.Ordinal);
        Assert.Equal(1, Scalar(database, "SELECT max(version) FROM schema_migrations"));
        Assert.Equal("a", Scalar(database, "SELECT to_regclass('a')::text"));
        Assert.Null(Scalar(database, "SELECT to_regclass('b')::text"));
    }

    [SkippableFact]
    public async Task Should_MigrateOnce_When_ManyProcessesOpenAFreshDatabaseAtOnce()
    {
        var (url, database) = await NewDatabaseAsync();

        var stores = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => PostgresResultStore.OpenAsync(url))));
        foreach (var store in stores) await store.DisposeAsync();

        Assert.All(stores, s => Assert.Equal(PostgresResultStore.KnownSchemaVersion, s.SchemaVersion));
        Assert.Equal(PostgresResultStore.KnownSchemaVersion, Convert.ToInt32(Scalar(database, "SELECT count(*) FROM schema_migrations")));
    }

    [SkippableFact]
    public async Task Should_KeepRunTimesQueryable_When_RunStoredAndFinished()
    {
        var (url, database) = await NewDatabaseAsync();
        await using (var store = await PostgresResultStore.OpenAsync(url))
        {
            await store.BeginRunAsync(Samples.Run("timed"));
            await store.SaveMeasurementAsync("timed", Samples.Ok());
            await store.FinishRunAsync("timed", "completed", Samples.Start.AddMinutes(2));
        }

        var row = Rows(database, """
            SELECT r.started_at, r.finished_at, m.started_at, x.median, m.record_json->>'engine'
            FROM runs r JOIN measurements m ON m.run_id = r.id JOIN metrics x ON x.measurement_id = m.id
            WHERE x.name = 'infer.latency.batch1'
            """).Single();

        // timestamptz keeps microseconds: the tick past them is in started_at_ticks, which the store reads.
        var microseconds = TimeSpan.FromTicks(10);
        Assert.Equal(Samples.Start.UtcDateTime.Ticks / 10 * 10, ((DateTime)row[0]!).Ticks);
        Assert.Equal((Samples.Start.AddMinutes(2).UtcDateTime.Ticks / 10) * 10, ((DateTime)row[1]!).Ticks);
        Assert.Equal(Samples.Start.AddSeconds(5).UtcDateTime, (DateTime)row[2]!, microseconds);
        Assert.Equal(Samples.Ok().Metric(Core.Results.MetricNames.LatencyBatch1)!.Summary!.Median, row[3]);
        Assert.Equal("torchsharp", row[4]);
    }

    private async Task<(string Url, string Database)> NewDatabaseAsync()
    {
        var url = await server.CreateDatabaseAsync();
        return (url, url[(url.LastIndexOf('/') + 1)..]);
    }

    private object? Scalar(string database, string sql)
    {
        using var connection = server.OpenAdmin(database);
        using var command = new NpgsqlCommand(sql, connection);
        var value = command.ExecuteScalar();
        return value is DBNull ? null : value;
    }

    private void Execute(string database, string sql)
    {
        using var connection = server.OpenAdmin(database);
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    private List<object?[]> Rows(string database, string sql)
    {
        using var connection = server.OpenAdmin(database);
        using var command = new NpgsqlCommand(sql, connection);
        using var reader = command.ExecuteReader();
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++) row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            rows.Add(row);
        }

        return rows;
    }
}
