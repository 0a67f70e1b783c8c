using Npgsql;
using Versus.Store.Postgres;

namespace Versus.Store.Migrations;

/// <summary>
/// Brings a PostgreSQL store up to the newest schema this build knows, one migration per transaction (PostgreSQL's DDL
/// is transactional, so a failed script leaves nothing behind), and refuses a store written by a newer build.
/// </summary>
internal static class PostgresMigrator
{
    // Any fixed number: every Versus process migrating this database takes the same advisory lock, so two opening a fresh
    // database at once apply each script once instead of racing on CREATE TABLE.
    private const long MigrationLock = 0x7665_7273_7573; // "versus"

    private static readonly Lazy<IReadOnlyList<SqlMigration>> Embedded = new(() => MigrationScripts.Load("Postgres"));

    public static IReadOnlyList<SqlMigration> Migrations => Embedded.Value;

    /// <returns>The schema version the store is at afterwards.</returns>
    public static async Task<int> ApplyAsync(
        NpgsqlConnection connection, IReadOnlyList<SqlMigration> migrations, string location, CancellationToken cancellationToken)
    {
        MigrationScripts.Validate(migrations, "Postgres");
        while (true)
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await PostgresCommands.ExecuteAsync(connection, transaction, "SELECT pg_advisory_xact_lock(@key)", cancellationToken, ("key", MigrationLock));
            // Looked up before creating: CREATE TABLE IF NOT EXISTS needs the right to create even when the table is
            // there, and a teammate with read-only access must still be able to open an up-to-date store.
            if (await PostgresCommands.ScalarAsync(connection, transaction, "SELECT to_regclass('schema_migrations')::text", cancellationToken) is null)
            {
                await PostgresCommands.ExecuteAsync(connection, transaction, """
                    CREATE TABLE schema_migrations (
                        version    integer     NOT NULL PRIMARY KEY,
                        name       text        NOT NULL,
                        applied_at timestamptz NOT NULL DEFAULT now()
                    )
                    """, cancellationToken);
            }

            var version = Convert.ToInt32(
                await PostgresCommands.ScalarAsync(connection, transaction, "SELECT coalesce(max(version), 0) FROM schema_migrations", cancellationToken),
                System.Globalization.CultureInfo.InvariantCulture);
            RefuseNewer(version, migrations.Count, location);
            if (version >= migrations.Count)
            {
                await transaction.CommitAsync(cancellationToken);
                return version;
            }

            var next = migrations[version];
            await PostgresCommands.ExecuteAsync(connection, transaction, next.Sql, cancellationToken);
            await PostgresCommands.ExecuteAsync(connection, transaction,
                "INSERT INTO schema_migrations (version, name) VALUES (@version, @name)",
                cancellationToken, ("version", next.Version), ("name", next.Name));
            await transaction.CommitAsync(cancellationToken);
        }
    }

    private static void RefuseNewer(int version, int known, string location)
    {
        if (version > known)
        {
            throw new StoreException(
                $"The results database '{location}' has schema version {version}, but this Versus knows only up to {known}: " +
                "upgrade Versus, or use --db with another database.");
        }
    }
}
