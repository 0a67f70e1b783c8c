using System.Globalization;
using System.Text.Json;

namespace Versus.Store.Sqlite;

/// <summary>How values that SQLite has no type for are written as text, the same way everywhere in the store.</summary>
internal static class StoreText
{
    // Fixed width and always UTC, so comparing the text compares the instants (ORDER BY started_at works).
    private const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    public static string Time(DateTimeOffset value) => value.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture);

    public static DateTimeOffset Time(string text) =>
        DateTimeOffset.ParseExact(text, TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    /// <summary>
    /// A summary figure for the flat metric columns: NaN and infinity become NULL (SQLite refuses NaN; in PostgreSQL it
    /// would sort above every median). The record's JSON keeps the figure as computed.
    /// </summary>
    public static double? Finite(double? value) => value is { } v && double.IsFinite(v) ? v : null;

    /// <summary>An enum as results.json spells it (kebab-case), so SQL filters use the same words as the JSON.</summary>
    public static string Name<TEnum>(TEnum value) where TEnum : struct, Enum => JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());
}
