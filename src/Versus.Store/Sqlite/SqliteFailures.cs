using Microsoft.Data.Sqlite;

namespace Versus.Store.Sqlite;

/// <summary>Turns SQLite's error codes into the one-line messages a user can act on.</summary>
internal static class SqliteFailures
{
    // Primary result codes (https://sqlite.org/rescode.html).
    private const int Perm = 3, ReadOnly = 8, IoErr = 10, Full = 13, CantOpen = 14, NotADb = 26;

    public static bool IsUnwritable(SqliteException ex) => (ex.SqliteErrorCode & 0xFF) is Perm or ReadOnly or IoErr or Full or CantOpen;

    public static StoreException Unwritable(string path, string reason, Exception? inner = null)
    {
        var message = $"Cannot write the results database '{path}': {OneLine(reason)}. Use --db with a writable path.";
        return inner is null ? new StoreException(message) : new StoreException(message, inner);
    }

    public static StoreException Translate(SqliteException ex, string path) => (ex.SqliteErrorCode & 0xFF) switch
    {
        Perm => Unwritable(path, "permission denied", ex),
        ReadOnly => Unwritable(path, "the file or its folder is read-only", ex),
        IoErr => Unwritable(path, "input/output error", ex),
        Full => Unwritable(path, "the disk is full", ex),
        CantOpen => Unwritable(path, "the file cannot be created or opened", ex),
        NotADb => new StoreException($"'{path}' is not a Versus results database (not SQLite). Use --db with another path.", ex),
        _ => new StoreException($"The results database '{path}' failed: {OneLine(ex.Message)}", ex),
    };

    private static string OneLine(string text) => string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries)).TrimEnd('.');
}
