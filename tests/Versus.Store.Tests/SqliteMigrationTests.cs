using Versus.Store.Migrations;
using Xunit;

namespace Versus.Store.Tests;

public sealed class SqliteMigrationTests : IDisposable
{
    private readonly TempFolder folder = new();

    private string DbPath => folder.File("results.db");

    [Fact]
    public async Task Should_ApplyNothing_When_OpeningUpToDateStore()
    {
        await (await SqliteResultStore.OpenAsync(DbPath)).DisposeAsync();
        var firstApplied = RawDatabase.Rows(DbPath, "SELECT version, name, applied_at FROM schema_migrations ORDER BY version");

        await using var reopened = await SqliteResultStore.OpenAsync(DbPath);
        var applied = RawDatabase.Rows(DbPath, "SELECT version, name, applied_at FROM schema_migrations ORDER BY version");

        Assert.Equal(firstApplied, applied);
        Assert.Equal(Enumerable.Range(1, SqliteResultStore.KnownSchemaVersion).Select(v => (long)v), applied.Select(r => (long)r[0]!));
        Assert.Equal("initial", applied[0][1]);
        Assert.Equal(SqliteResultStore.KnownSchemaVersion, reopened.SchemaVersion);
    }

    [Fact]
    public async Task Should_RefuseWithOneLine_When_SchemaIsNewerThanBuild()
    {
        await (await SqliteResultStore.OpenAsync(DbPath)).DisposeAsync();
        var future = SqliteResultStore.KnownSchemaVersion + 1;
        RawDatabase.Execute(DbPath, $"INSERT INTO schema_migrations (version, name, applied_at) VALUES ({future}, 'from_the_future', 'x')");

        var ex = await Assert.ThrowsAsync<StoreException>(() => SqliteResultStore.OpenAsync(DbPath));

        Assert.Equal(
            $"The results database '{DbPath}' has schema version {future}, but this Versus knows only up to " +
            $"{SqliteResultStore.KnownSchemaVersion}: upgrade Versus, or use --db with another file.",
            ex.Message);
        Assert.Equal((long)future, RawDatabase.Scalar(DbPath, "SELECT max(version) FROM schema_migrations"));
    }

    [Fact]
    public async Task Should_ApplyOnlyPendingInOrder_When_BuildKnowsMoreMigrations()
    {
        SqlMigration[] all =
        [
            new(1, "one", "CREATE TABLE t (id INTEGER PRIMARY KEY, step TEXT NOT NULL); INSERT INTO t (step) VALUES ('1');"),
            new(2, "two", "INSERT INTO t (step) VALUES ('2');"),
            new(3, "three", "ALTER TABLE t ADD COLUMN extra TEXT; INSERT INTO t (step) VALUES ('3');"),
        ];
        await (await SqliteResultStore.OpenAsync(DbPath, all[..2], CancellationToken.None)).DisposeAsync();

        await using var store = await SqliteResultStore.OpenAsync(DbPath, all, CancellationToken.None);

        Assert.Equal(3, store.SchemaVersion);
        Assert.Equal(["1", "2", "3"], RawDatabase.Rows(DbPath, "SELECT step FROM t ORDER BY id").Select(r => (string)r[0]!));
    }

    [Fact]
    public async Task Should_RollBackOnlyFailedMigration_When_ScriptFails()
    {
        SqlMigration[] migrations =
        [
            new(1, "good", "CREATE TABLE a (id INTEGER);"),
            new(2, "bad", "CREATE TABLE b (id INTEGER); INSERT INTO no_such_table VALUES (1);"),
        ];

        await Assert.ThrowsAsync<StoreException>(() => SqliteResultStore.OpenAsync(DbPath, migrations, CancellationToken.None));

        Assert.Equal(1L, RawDatabase.Scalar(DbPath, "SELECT max(version) FROM schema_migrations"));
        Assert.Equal(1L, RawDatabase.Scalar(DbPath, "SELECT count(*) FROM sqlite_master WHERE name = 'a'"));
        Assert.Equal(0L, RawDatabase.Scalar(DbPath, "SELECT count(*) FROM sqlite_master WHERE name = 'b'"));
    }

    [Fact]
    public async Task Should_KeepOldRunsAndStoreDeployments_When_AFirstReleaseDatabaseIsUpgraded()
    {
        var released = MigrationScripts.Load("Sqlite");
        await using (var first = await SqliteResultStore.OpenAsync(DbPath, released.Take(1).ToList(), CancellationToken.None))
        {
            await first.BeginRunAsync(Samples.Run("from-release-1"));
            await first.SaveMeasurementAsync("from-release-1", Samples.Ok());
        }

        await using var upgraded = await SqliteResultStore.OpenAsync(DbPath);
        await upgraded.SaveDeploymentAsync("from-release-1", Samples.Deployment(Core.Results.DeploymentTarget.Server, "onnxruntime"));

        Assert.Equal(SqliteResultStore.KnownSchemaVersion, upgraded.SchemaVersion);
        var loaded = (await upgraded.LoadRunAsync("from-release-1"))!;
        Assert.Single(loaded.Measurements);
        Assert.Single(loaded.Deployment!);
    }

    [Fact]
    public void Should_RefuseMigrationSet_When_NumbersHaveGap()
    {
        SqlMigration[] gap = [new(1, "one", "SELECT 1"), new(3, "three", "SELECT 1")];

        var ex = Assert.Throws<InvalidOperationException>(() => MigrationScripts.Validate(gap, "Sqlite"));

        Assert.Contains("1, 3", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_NumberEmbeddedMigrationsFromOne_When_Loaded()
    {
        var migrations = MigrationScripts.Load("Sqlite");

        Assert.NotEmpty(migrations);
        Assert.Equal(Enumerable.Range(1, migrations.Count), migrations.Select(m => m.Version));
        Assert.Contains("CREATE TABLE runs", migrations[0].Sql, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_UseWalAndIndexMetrics_When_MeasurementSaved()
    {
        await using var store = await SqliteResultStore.OpenAsync(DbPath);
        await store.BeginRunAsync(Samples.Run("indexed"));
        await store.SaveMeasurementAsync("indexed", Samples.Ok());
        await store.SaveMeasurementAsync("indexed", Samples.Failed());
        var latency = Samples.Ok().Metric(Core.Results.MetricNames.LatencyBatch1)!.Summary!;

        var rows = RawDatabase.Rows(DbPath, """
            SELECT m.engine, m.engine_version, m.backend, m.kind, m.status, m.reason, x.name, x.unit, x.count, x.median, x.ci95_low, x.ci95_high, x.p90
            FROM metrics x JOIN measurements m ON m.id = x.measurement_id
            WHERE m.run_id = 'indexed' ORDER BY m.id, x.rowid
            """);

        Assert.Equal("wal", RawDatabase.Scalar(DbPath, "PRAGMA journal_mode"));
        Assert.Equal(4, rows.Count);
        Assert.Equal(
            new object?[] { "torchsharp", "2.10.0", "cpu", "inference", "ok", null, "infer.latency.batch1", "ms", 10L, latency.Median, latency.Ci95Low, latency.Ci95High, null },
            rows[0]);
        Assert.Equal(new object?[] { "tfjs", null, null, "training", "failed", Samples.Failed().Reason, "train.step", "ms", 0L, null, null, null, null }, rows[3]);
    }

    public void Dispose() => folder.Dispose();
}
