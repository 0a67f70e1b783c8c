using Versus.Store.Postgres;

namespace Versus.Store;

/// <summary>
/// The one place that chooses a store from what the user gave: --db, else the VERSUS_DB environment variable, else the
/// SQLite file in the user's data folder. A postgres:// or postgresql:// URL, or Npgsql keywords with a Host, open
/// PostgreSQL; anything else is a SQLite file path.
/// </summary>
public static class ResultStores
{
    public const string EnvironmentVariable = "VERSUS_DB";

    /// <exception cref="StoreException">The store cannot be opened; one line, never a password.</exception>
    public static Task<IResultStore> OpenAsync(string? db, CancellationToken cancellationToken = default) =>
        OpenAsync(db, Environment.GetEnvironmentVariable(EnvironmentVariable), cancellationToken);

    /// <summary>
    /// The store the same choice opens, to hand to another process (a run started from the dashboard): a PostgreSQL
    /// address as given, a SQLite file as an absolute path.
    /// </summary>
    public static string Resolve(string? db)
    {
        var value = Choose(db, Environment.GetEnvironmentVariable(EnvironmentVariable));
        return PostgresResultStore.IsAddress(value) ? value : Path.GetFullPath(value);
    }

    /// <summary>
    /// A --db value as a page or a message may show it: a PostgreSQL address without its password (what the opened
    /// store's <see cref="IResultStore.Location"/> says), a SQLite path as it is.
    /// </summary>
    public static string Describe(string db)
    {
        if (!PostgresResultStore.IsAddress(db)) return db;
        try
        {
            return PostgresAddress.Parse(db).Display;
        }
        catch (StoreException)
        {
            // Not an address Versus could open; whatever it holds stays unshown.
            return "a PostgreSQL address (not shown: it does not parse)";
        }
    }

    internal static async Task<IResultStore> OpenAsync(string? db, string? environment, CancellationToken cancellationToken)
    {
        var value = Choose(db, environment);
        return PostgresResultStore.IsAddress(value)
            ? await PostgresResultStore.OpenAsync(value, cancellationToken)
            : await SqliteResultStore.OpenAsync(value, cancellationToken);
    }

    private static string Choose(string? db, string? environment) =>
        !string.IsNullOrWhiteSpace(db) ? db
        : !string.IsNullOrWhiteSpace(environment) ? environment
        : SqliteResultStore.DefaultPath();
}
