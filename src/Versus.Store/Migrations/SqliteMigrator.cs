using Microsoft.Data.Sqlite;
using Versus.Store.Sqlite;

namespace Versus.Store.Migrations;

/// <summary>
/// Brings a SQLite store up to the newest schema this build knows, one migration per transaction, and refuses a store
/// written by a newer build rather than guess at tables it does not understand.
/// </summary>
internal static class SqliteMigrator
{
    private static readonly Lazy<IReadOnlyList<SqlMigration>> Embedded = new(() => MigrationScripts.Load("Sqlite"));

    public static IReadOnlyList<SqlMigration> Migrations => Embedded.Value;

    /// <returns>The schema version the store is at afterwards.</returns>
    public static async Task<int> ApplyAsync(
        SqliteConnection connection, IReadOnlyList<SqlMigration> migrations, string location, CancellationToken cancellationToken)
    {
        MigrationScripts.Validate(migrations, "Sqlite");
        await SqliteCommands.ExecuteAsync(connection, null, """
            CREATE TABLE IF NOT EXISTS schema_migrations (
                version    INTEGER NOT NULL PRIMARY KEY,
                name       TEXT    NOT NULL,
                applied_at TEXT    NOT NULL
            )
            """, cancellationToken);

        var version = await CurrentVersionAsync(connection, null, cancellationToken);
        RefuseNewer(version, migrations.Count, location);
        while (version < migrations.Count)
        {
            // IMMEDIATE takes the write lock before reading the version: two processes opening a fresh store at once
            // then apply each migration exactly once instead of racing on the same script.
            using var transaction = connection.BeginTransaction(deferred: false);
            version = await CurrentVersionAsync(connection, transaction, cancellationToken);
            RefuseNewer(version, migrations.Count, location);
            if (version >= migrations.Count) break;

            var next = migrations[version];
            await SqliteCommands.ExecuteAsync(connection, transaction, next.Sql, cancellationToken);
            await SqliteCommands.ExecuteAsync(connection, transaction,
                "INSERT INTO schema_migrations (version, name, applied_at) VALUES ($version, $name, $appliedAt)",
                cancellationToken, ("$version", next.Version), ("$name", next.Name), ("$appliedAt", StoreText.Time(DateTimeOffset.UtcNow)));
            await transaction.CommitAsync(cancellationToken);
            version = next.Version;
        }

        return version;
    }

    private static async Task<int> CurrentVersionAsync(SqliteConnection connection, SqliteTransaction? transaction, CancellationToken cancellationToken)
    {
        var value = await SqliteCommands.ScalarAsync(connection, transaction, "SELECT coalesce(max(version), 0) FROM schema_migrations", cancellationToken);
        return Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture);
    }

    private static void RefuseNewer(int version, int known, string location)
    {
        if (version > known)
        {
            throw new StoreException(
                $"The results database '{location}' has schema version {version}, but this Versus knows only up to {known}: " +
                "upgrade Versus, or use --db with another file.");
        }
    }
}
