using Npgsql;

namespace Versus.Store.Postgres;

/// <summary>Parameterised commands in one line each, so the store's code reads as its SQL (parameters as @name).</summary>
internal static class PostgresCommands
{
    public static NpgsqlCommand Create(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = new NpgsqlCommand(sql, connection, transaction);
        foreach (var (name, value) in parameters)
        {
            // PostgreSQL text cannot hold NUL (a worker's stderr can). Only the flat query columns lose it: the JSON that
            // is the truth escapes it as \u0000 and keeps it.
            command.Parameters.AddWithValue(name, value is string s ? s.Replace("\0", "", StringComparison.Ordinal) : value ?? DBNull.Value);
        }

        return command;
    }

    public static async Task<int> ExecuteAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, CancellationToken cancellationToken,
        params (string Name, object? Value)[] parameters)
    {
        await using var command = Create(connection, transaction, sql, parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public static async Task<object?> ScalarAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, CancellationToken cancellationToken,
        params (string Name, object? Value)[] parameters)
    {
        await using var command = Create(connection, transaction, sql, parameters);
        var value = await command.ExecuteScalarAsync(cancellationToken);
        return value is DBNull ? null : value;
    }
}
