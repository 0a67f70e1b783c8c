using System.Text.RegularExpressions;
using Npgsql;

namespace Versus.Store.Postgres;

/// <summary>
/// A PostgreSQL store's address as the user wrote it (a postgres:// or postgresql:// URL, or Npgsql's Host=...;
/// keywords) turned into a connection string, and the same address without its password for every message.
/// </summary>
internal sealed partial record PostgresAddress(string ConnectionString, string Display, string? Password)
{
    private const string Fix = "use postgres://user[:password]@host[:port]/database, or Host=...;Database=... keywords";

    /// <summary>libpq's URL parameter names that Npgsql spells otherwise; any other is passed to Npgsql as it is.</summary>
    private static readonly Dictionary<string, string> LibpqNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["dbname"] = "Database",
        ["user"] = "Username",
        ["sslmode"] = "SSL Mode",
        ["connect_timeout"] = "Timeout",
        ["application_name"] = "Application Name",
        ["options"] = "Options",
        ["passfile"] = "Passfile",
        ["sslrootcert"] = "Root Certificate",
        ["sslcert"] = "SSL Certificate",
        ["sslkey"] = "SSL Key",
    };

    /// <summary>True for a value meant for PostgreSQL; anything else is a SQLite file path.</summary>
    public static bool Recognises(string value) =>
        value.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) ||
        value.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase) ||
        KeywordHost().IsMatch(value);

    /// <exception cref="StoreException">The value is not a usable address; the message never holds its password.</exception>
    public static PostgresAddress Parse(string value)
    {
        var builder = value.Contains("://", StringComparison.Ordinal) ? FromUrl(value) : FromKeywords(value);
        if (string.IsNullOrEmpty(builder.Host))
        {
            throw new StoreException($"The PostgreSQL address '{Describe(builder)}' names no host: {Fix}.");
        }

        // Each call opens a pooled connection; no need to keep the password readable on the connection afterwards.
        builder.PersistSecurityInfo = false;
        return new PostgresAddress(builder.ConnectionString, Describe(builder), string.IsNullOrEmpty(builder.Password) ? null : builder.Password);
    }

    private static NpgsqlConnectionStringBuilder FromUrl(string value)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Scheme is not ("postgres" or "postgresql"))
        {
            throw new StoreException($"The PostgreSQL URL in --db or VERSUS_DB is not a valid URL: {Fix}.");
        }

        var builder = new NpgsqlConnectionStringBuilder();
        if (uri.UserInfo.Length > 0)
        {
            var colon = uri.UserInfo.IndexOf(':', StringComparison.Ordinal);
            builder.Username = Uri.UnescapeDataString(colon < 0 ? uri.UserInfo : uri.UserInfo[..colon]);
            if (colon >= 0) builder.Password = Uri.UnescapeDataString(uri.UserInfo[(colon + 1)..]);
        }

        if (uri.IdnHost.Length > 0) builder.Host = uri.IdnHost;
        if (!uri.IsDefaultPort && uri.Port > 0) builder.Port = uri.Port;
        var database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        if (database.Length > 0) builder.Database = database;

        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var name = Uri.UnescapeDataString(equals < 0 ? pair : pair[..equals]);
            var parameter = equals < 0 ? "" : Uri.UnescapeDataString(pair[(equals + 1)..]);
            Set(builder, LibpqNames.GetValueOrDefault(name, name), parameter, Describe(builder));
        }

        return builder;
    }

    private static NpgsqlConnectionStringBuilder FromKeywords(string value)
    {
        try
        {
            return new NpgsqlConnectionStringBuilder(value);
        }
        catch (ArgumentException ex)
        {
            // Npgsql names the keyword, not the value: safe to repeat, and it says which part to fix.
            throw new StoreException($"The PostgreSQL connection string in --db or VERSUS_DB is not valid ({ex.Message.TrimEnd('.')}): {Fix}.", ex);
        }
    }

    private static void Set(NpgsqlConnectionStringBuilder builder, string keyword, string value, string display)
    {
        try
        {
            builder[keyword] = value;
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or InvalidCastException)
        {
            throw new StoreException($"The PostgreSQL URL '{display}' has a parameter '{keyword}' Npgsql does not take: {Fix}.", ex);
        }
    }

    /// <summary>postgres://user@host:port/database, the password left out, for messages and <see cref="IResultStore.Location"/>.</summary>
    private static string Describe(NpgsqlConnectionStringBuilder builder)
    {
        var user = string.IsNullOrEmpty(builder.Username) ? "" : $"{Uri.EscapeDataString(builder.Username)}@";
        var host = builder.Host ?? "";
        if (host.Contains(':', StringComparison.Ordinal) && !host.StartsWith('[')) host = $"[{host}]";
        return $"postgres://{user}{host}:{builder.Port}/{Uri.EscapeDataString(builder.Database ?? "")}";
    }

    [GeneratedRegex(@"(^|;)\s*(host|server)\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex KeywordHost();
}
