using System.Net.Sockets;
using Npgsql;

namespace Versus.Store.Postgres;

/// <summary>
/// Turns Npgsql's failures into one line the user can act on, naming the database by its address without the password.
/// </summary>
internal static class PostgresFailures
{
    private const string Fix = "Check --db or VERSUS_DB.";

    public static StoreException Translate(Exception ex, PostgresAddress address)
    {
        var message = ex switch
        {
            PostgresException pg => $"The results database '{address.Display}' refused: {pg.MessageText} ({pg.SqlState}). {Fix}",
            NpgsqlException { InnerException: SocketException socket } =>
                $"Cannot reach the PostgreSQL server of '{address.Display}': {socket.Message}. {Fix}",
            NpgsqlException { InnerException: TimeoutException } or TimeoutException =>
                $"Cannot reach the PostgreSQL server of '{address.Display}': it did not answer in time. {Fix}",
            _ => $"The results database '{address.Display}' failed: {Innermost(ex).Message} {Fix}",
        };
        return new StoreException(Scrub(OneLine(message), address.Password), ex);
    }

    private static Exception Innermost(Exception ex)
    {
        while (ex.InnerException is not null) ex = ex.InnerException;
        return ex;
    }

    // None of the messages above should hold the password; this makes sure, whatever a server or a socket says.
    private static string Scrub(string message, string? password) =>
        string.IsNullOrEmpty(password) ? message : message.Replace(password, "********", StringComparison.Ordinal);

    private static string OneLine(string text) => string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries));
}
