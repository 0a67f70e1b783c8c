using Versus.Core.Results;

namespace Versus.Reports.Html;

/// <summary>
/// The run's results.json inside the page, so that the report and its data travel as one file. Every '&lt;' becomes the
/// JSON escape \u003c, which parses to the same text and cannot close the script element ("&lt;/script>") or open a comment.
/// </summary>
internal static class EmbeddedResults
{
    public const string ElementId = "results-json";

    public static string Script(RunResults results) =>
        $"<script type=\"application/json\" id=\"{ElementId}\">\n{Escape(ResultsJson.Serialize(results))}\n</script>";

    internal static string Escape(string json) => json.Replace("<", "\\u003c", StringComparison.Ordinal);
}
