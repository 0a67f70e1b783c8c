using Microsoft.Data.Sqlite;
using Versus.Core.Results;
using Versus.Store.Migrations;
using Versus.Store.Sqlite;

namespace Versus.Store;

/// <summary>
/// The results store in one SQLite file: WAL journal (readers never block the running benchmark's writes), foreign
/// keys on, every write its own committed transaction. One connection per instance, its calls taken one at a time.
/// </summary>
public sealed class SqliteResultStore : IResultStore
{
    private readonly SqliteConnection connection;

    // Not disposed: a caller still waiting on it when the store is disposed then sees ObjectDisposedException for the
    // store, not for a semaphore it never knew about.
    private readonly SemaphoreSlim gate = new(1, 1);
    private bool disposed;

    private SqliteResultStore(string location, SqliteConnection connection, int schemaVersion)
    {
        Location = location;
        this.connection = connection;
        SchemaVersion = schemaVersion;
    }

    /// <summary>The full path of the database file.</summary>
    public string Location { get; }

    /// <summary>The schema version of the opened file: after opening, always <see cref="KnownSchemaVersion"/>.</summary>
    public int SchemaVersion { get; }

    /// <summary>
    /// How long a write waits for another connection's write lock before it fails (SQLite's busy timeout, retried by
    /// Microsoft.Data.Sqlite). Another versus run holds it for milliseconds a measurement; a lock held this long is
    /// someone else's (a sqlite3 shell in a transaction, a VACUUM), and the run then goes on without the store.
    /// </summary>
    public const int BusyTimeoutSeconds = 15;

    /// <summary>The newest schema version this build can create and read.</summary>
    public static int KnownSchemaVersion => SqliteMigrator.Migrations.Count;

    /// <summary>
    /// Where results go when the user names no file: $XDG_DATA_HOME/versus/results.db when XDG_DATA_HOME is an absolute
    /// path, else the user's local application data folder (~/.local/share on Linux) + versus/results.db.
    /// </summary>
    /// <exception cref="StoreException">The user has no data folder (no HOME).</exception>
    public static string DefaultPath() => StoreLocation.DefaultPath();

    /// <summary>Opens the file, creating it and its folders if needed, and migrates it to <see cref="KnownSchemaVersion"/>.</summary>
    /// <exception cref="StoreException">
    /// The path cannot be written, the file is not SQLite, or it was written by a newer Versus (its schema is newer).
    /// </exception>
    public static Task<SqliteResultStore> OpenAsync(string path, CancellationToken cancellationToken = default) =>
        OpenAsync(path, SqliteMigrator.Migrations, cancellationToken);

    internal static async Task<SqliteResultStore> OpenAsync(string path, IReadOnlyList<SqlMigration> migrations, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var fullPath = Path.GetFullPath(path);
        CreateFolder(fullPath);

        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = fullPath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            ForeignKeys = true,
            DefaultTimeout = BusyTimeoutSeconds,
            // Pooling would keep the file open after DisposeAsync; one long-lived connection per store needs no pool.
            Pooling = false,
        }.ToString());
        try
        {
            await connection.OpenAsync(cancellationToken);
            // SQLite silently opens a file it may not write read-only; the first write would then fail mid-run.
            if (SQLitePCL.raw.sqlite3_db_readonly(connection.Handle, "main") == 1)
            {
                throw SqliteFailures.Unwritable(fullPath, "the file is read-only");
            }

            await SqliteCommands.ScalarAsync(connection, null, "PRAGMA journal_mode = WAL", cancellationToken);
            var version = await SqliteMigrator.ApplyAsync(connection, migrations, fullPath, cancellationToken);
            return new SqliteResultStore(fullPath, connection, version);
        }
        catch (Exception ex)
        {
            await connection.DisposeAsync();
            if (ex is SqliteException sqlite) throw SqliteFailures.Translate(sqlite, fullPath);
            throw;
        }
    }

    public Task BeginRunAsync(RunResults run, CancellationToken cancellationToken = default)
    {
        RunHeader.Check(run);
        return UseAsync(c => SqliteRunWriter.BeginRunAsync(c, run, Location, cancellationToken), cancellationToken);
    }

    public Task SaveMeasurementAsync(string runId, MeasurementRecord measurement, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(runId);
        ArgumentNullException.ThrowIfNull(measurement);
        return UseAsync(c => SqliteRunWriter.SaveMeasurementAsync(c, runId, measurement, Location, cancellationToken), cancellationToken);
    }

    public Task SaveDeploymentAsync(string runId, DeploymentRecord deployment, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(runId);
        ArgumentNullException.ThrowIfNull(deployment);
        return UseAsync(c => SqliteRunWriter.SaveDeploymentAsync(c, runId, deployment, Location, cancellationToken), cancellationToken);
    }

    public Task FinishRunAsync(string runId, string status, DateTimeOffset finishedAt, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(runId);
        ArgumentException.ThrowIfNullOrWhiteSpace(status);
        return UseAsync(c => SqliteRunWriter.FinishRunAsync(c, runId, status, finishedAt, Location, cancellationToken), cancellationToken);
    }

    public Task<IReadOnlyList<RunSummary>> ListRunsAsync(int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        return UseAsync(c => SqliteRunReader.ListRunsAsync(c, limit, cancellationToken), cancellationToken);
    }

    public Task<RunResults?> LoadRunAsync(string runIdOrPrefix, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(runIdOrPrefix);
        return UseAsync(c => SqliteRunReader.LoadRunAsync(c, runIdOrPrefix, cancellationToken), cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await gate.WaitAsync();
        try
        {
            if (disposed) return;
            disposed = true;
            await connection.DisposeAsync();
        }
        finally
        {
            gate.Release();
        }
    }

    private static void CreateFolder(string fullPath)
    {
        var folder = Path.GetDirectoryName(fullPath);
        if (string.IsNullOrEmpty(folder)) return;
        try
        {
            Directory.CreateDirectory(folder);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw SqliteFailures.Unwritable(fullPath, $"cannot create its folder ({ex.Message.TrimEnd('.')})", ex);
        }
    }

    private Task UseAsync(Func<SqliteConnection, Task> action, CancellationToken cancellationToken) =>
        UseAsync(async c => { await action(c); return true; }, cancellationToken);

    private async Task<T> UseAsync<T>(Func<SqliteConnection, Task<T>> action, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            return await action(connection);
        }
        catch (SqliteException ex) when (SqliteFailures.IsUnwritable(ex) || SqliteFailures.IsLocked(ex))
        {
            // The disk filled up, the file became read-only or another process holds it locked after opening: same
            // advice as at open.
            throw SqliteFailures.Translate(ex, Location);
        }
        finally
        {
            gate.Release();
        }
    }
}
