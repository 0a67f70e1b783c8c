using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;

namespace Versus.Store.Migrations;

/// <summary>
/// Reads a dialect's migrations embedded as Migrations/{dialect}/NNNN_name.sql. Numbers must run 1, 2, 3... with no
/// gap or repeat: a missing script would otherwise be skipped silently and leave databases with different schemas.
/// </summary>
internal static partial class MigrationScripts
{
    public static IReadOnlyList<SqlMigration> Load(string dialect)
    {
        var assembly = typeof(MigrationScripts).Assembly;
        var prefix = $"Versus.Store.Migrations.{dialect}.";
        var migrations = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(n => Parse(n[prefix.Length..^".sql".Length], Read(assembly, n)))
            .OrderBy(m => m.Version)
            .ToList();
        Validate(migrations, dialect);
        return migrations;
    }

    public static void Validate(IReadOnlyList<SqlMigration> migrations, string dialect)
    {
        for (var i = 0; i < migrations.Count; i++)
        {
            if (migrations[i].Version != i + 1)
            {
                throw new InvalidOperationException(
                    $"{dialect} migrations must be numbered 1, 2, 3...; found {string.Join(", ", migrations.Select(m => m.Version))}.");
            }
        }
    }

    private static SqlMigration Parse(string fileName, string sql)
    {
        var match = FileName().Match(fileName);
        if (!match.Success)
        {
            throw new InvalidOperationException($"Migration '{fileName}.sql' must be named NNNN_description.sql.");
        }

        return new SqlMigration(int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), match.Groups[2].Value, sql);
    }

    private static string Read(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Embedded migration '{resource}' is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    [GeneratedRegex(@"^(\d{4})_([a-z0-9_]+)$")]
    private static partial Regex FileName();
}
