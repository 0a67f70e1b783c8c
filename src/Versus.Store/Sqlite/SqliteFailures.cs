using Microsoft.Data.Sqlite;

namespace Versus.Store.Sqlite;

/// <summary>Turns SQLite's error codes into the one-line messages a user can act on.</summary>
internal static class SqliteFailures
{
    // Primary result codes (https://sqlite.org/rescode.html).
    private const int Perm = 3, Busy = 5, Locked = 6, ReadOnly = 8, IoErr = 10, Full = 13, CantOpen = 14, NotADb = 26;

    public static bool IsUnwritable(SqliteException ex) => (ex.SqliteErrorCode & 0xFF) is Perm or ReadOnly or IoErr or Full or CantOpen;

    /// <summary>Another connection held the lock past the busy timeout.</summary>
    public static bool IsLocked(SqliteException ex) => (ex.SqliteErrorCode & 0xFF) is Busy or Locked;

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
        Busy or Locked => new StoreException(
            $"The results database '{path}' is locked by another process (still locked after {SqliteResultStore.BusyTimeoutSeconds} s)", ex),
        NotADb => new StoreException($"'{path}' is not a Versus results database (not SQLite). Use --db with another path.", ex),
        _ => new StoreException($"The results database '{path}' failed: {OneLine(ex.Message)}", ex),
    };

    private static string OneLine(string text) => string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries)).TrimEnd('.');
}
