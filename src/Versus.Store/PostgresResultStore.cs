using Npgsql;
using Versus.Core.Results;
using Versus.Store.Migrations;
using Versus.Store.Postgres;

namespace Versus.Store;

/// <summary>
/// The results store in a PostgreSQL database, for a team sharing one history: the same tables and behaviour as
/// <see cref="SqliteResultStore"/>. Each call takes a pooled connection and, for a write, one committed transaction, so
/// a server restart during a long run costs one failed call, not the rest of the run.
/// </summary>
public sealed class PostgresResultStore : IResultStore
{
    private readonly NpgsqlDataSource dataSource;
    private readonly PostgresAddress address;
    private int disposed;

    private PostgresResultStore(PostgresAddress address, NpgsqlDataSource dataSource, int schemaVersion)
    {
        this.address = address;
        this.dataSource = dataSource;
        SchemaVersion = schemaVersion;
    }

    /// <summary>postgres://user@host:port/database: never the password.</summary>
    public string Location => address.Display;

    /// <summary>The schema version of the opened database: after opening, always <see cref="KnownSchemaVersion"/>.</summary>
    public int SchemaVersion { get; }

    /// <summary>The newest schema version this build can create and read.</summary>
    public static int KnownSchemaVersion => PostgresMigrator.Migrations.Count;

    /// <summary>True when <paramref name="value"/> names a PostgreSQL database (a URL or keywords), not a SQLite file.</summary>
    public static bool IsAddress(string value) => PostgresAddress.Recognises(value);

    /// <summary>Connects and migrates the database to <see cref="KnownSchemaVersion"/>.</summary>
    /// <param name="connection">postgres://user[:password]@host[:port]/database[?param=value...], or Npgsql's keywords.</param>
    /// <exception cref="StoreException">
    /// The address is malformed, the server cannot be reached or refuses the user, or the database was written by a newer
    /// Versus. The message names the database without its password.
    /// </exception>
    public static Task<PostgresResultStore> OpenAsync(string connection, CancellationToken cancellationToken = default) =>
        OpenAsync(connection, PostgresMigrator.Migrations, cancellationToken);

    internal static async Task<PostgresResultStore> OpenAsync(string connection, IReadOnlyList<SqlMigration> migrations, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connection);
        var address = PostgresAddress.Parse(connection);
        var dataSource = NpgsqlDataSource.Create(address.ConnectionString);
        try
        {
            await using var opened = await dataSource.OpenConnectionAsync(cancellationToken);
            var version = await PostgresMigrator.ApplyAsync(opened, migrations, address.Display, cancellationToken);
            return new PostgresResultStore(address, dataSource, version);
        }
        catch (Exception ex)
        {
            await dataSource.DisposeAsync();
            if (ex is NpgsqlException or TimeoutException) throw PostgresFailures.Translate(ex, address);
            throw;
        }
    }

    public Task BeginRunAsync(RunResults run, CancellationToken cancellationToken = default)
    {
        RunHeader.Check(run);
        return UseAsync(c => PostgresRunWriter.BeginRunAsync(c, run, Location, cancellationToken), cancellationToken);
    }

    public Task SaveMeasurementAsync(string runId, MeasurementRecord measurement, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(runId);
        ArgumentNullException.ThrowIfNull(measurement);
        return UseAsync(c => PostgresRunWriter.SaveMeasurementAsync(c, runId, measurement, Location, cancellationToken), cancellationToken);
    }

    public Task SaveDeploymentAsync(string runId, DeploymentRecord deployment, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(runId);
        ArgumentNullException.ThrowIfNull(deployment);
        return UseAsync(c => PostgresRunWriter.SaveDeploymentAsync(c, runId, deployment, Location, cancellationToken), cancellationToken);
    }

    public Task FinishRunAsync(string runId, string status, DateTimeOffset finishedAt, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(runId);
        ArgumentException.ThrowIfNullOrWhiteSpace(status);
        return UseAsync(c => PostgresRunWriter.FinishRunAsync(c, runId, status, finishedAt, Location, cancellationToken), cancellationToken);
    }

    public Task<IReadOnlyList<RunSummary>> ListRunsAsync(int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        return UseAsync(c => PostgresRunReader.ListRunsAsync(c, limit, cancellationToken), cancellationToken);
    }

    public Task<RunResults?> LoadRunAsync(string runIdOrPrefix, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(runIdOrPrefix);
        return UseAsync(c => PostgresRunReader.LoadRunAsync(c, runIdOrPrefix, cancellationToken), cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1) return;
        // Closes the pooled connections: the database can then be dropped or renamed without waiting for idle timeouts.
        await dataSource.DisposeAsync();
    }

    private Task UseAsync(Func<NpgsqlConnection, Task> action, CancellationToken cancellationToken) =>
        UseAsync(async c => { await action(c); return true; }, cancellationToken);

    private async Task<T> UseAsync<T>(Func<NpgsqlConnection, Task<T>> action, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref disposed) == 1, this);
        try
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            return await action(connection);
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException && !cancellationToken.IsCancellationRequested)
        {
            throw PostgresFailures.Translate(ex, address);
        }
    }
}
