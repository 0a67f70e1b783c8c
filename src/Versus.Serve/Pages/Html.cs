using System.Globalization;
using System.Net;

namespace Versus.Serve.Pages;

/// <summary>Text into HTML: every value from the store or the request goes through <see cref="E"/>, so none is markup.</summary>
internal static class Html
{
    public static string E(string? text) => WebUtility.HtmlEncode(text ?? "");

    /// <summary>A query-string value, encoded for a URL and then for the attribute it sits in.</summary>
    public static string Q(string? text) => E(Uri.EscapeDataString(text ?? ""));

    public static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    public static string Duration(TimeSpan? span) => span switch
    {
        null => "—",
        { TotalHours: >= 1 } s => string.Create(CultureInfo.InvariantCulture, $"{(int)s.TotalHours} h {s.Minutes} min"),
        { TotalMinutes: >= 1 } s => string.Create(CultureInfo.InvariantCulture, $"{(int)s.TotalMinutes} min {s.Seconds} s"),
        var s => string.Create(CultureInfo.InvariantCulture, $"{s.Value.TotalSeconds:0.#} s"),
    };

    public static string Number(double value) =>
        value.ToString(Math.Abs(value) >= 100 ? "0.#" : Math.Abs(value) >= 1 ? "0.###" : "0.####", CultureInfo.InvariantCulture);
}
