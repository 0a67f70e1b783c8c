using System.Globalization;
using System.Text.Json;

namespace Versus.Core.Results;

/// <summary>
/// Reads a results.json written by "versus run": JSON first, then a schema version this build understands (1.x up to
/// <see cref="RunResults.CurrentSchemaVersion"/>; a 1.0 file still reads), then the parts every reader relies on.
/// Problems come back as one sentence fragment that follows the file's name.
/// </summary>
public static class ResultsFile
{
    public static ResultsReadResult Read(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return ResultsReadResult.Failed($"cannot be read ({e.Message})");
        }
        return Parse(text);
    }

    public static ResultsReadResult Parse(string json)
    {
        const string Expected = "give a results.json written by 'versus run'";
        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object ||
                !document.RootElement.TryGetProperty("schemaVersion", out var version) || version.ValueKind != JsonValueKind.String)
                return ResultsReadResult.Failed($"has no schemaVersion, so it is not a Versus results.json; {Expected}");
            if (Problem(version.GetString()!) is { } problem) return ResultsReadResult.Failed(problem);
            var results = ResultsJson.Deserialize<RunResults>(json);
            // Deserialising a record leaves a missing member null: check the ones every reader dereferences.
            if (results.RunId is null || results.Options is null || results.Environment is null || results.Measurements is null ||
                results.Engines is null || results.Workloads is null)
                return ResultsReadResult.Failed($"lacks runId, options, environment, engines, workloads or measurements; {Expected}");
            return ResultsReadResult.Ok(results);
        }
        catch (JsonException e)
        {
            return ResultsReadResult.Failed($"is not valid results JSON ({FirstLine(e.Message)}); {Expected}");
        }
    }

    private static string? Problem(string version)
    {
        var current = Version(RunResults.CurrentSchemaVersion)!.Value;
        if (Version(version) is not { } read || read.Major != current.Major)
            return $"has results schema version '{version}'; this Versus reads {current.Major}.x up to {RunResults.CurrentSchemaVersion}";
        if (read.Minor > current.Minor)
            return $"has results schema version '{version}', newer than this Versus reads ({RunResults.CurrentSchemaVersion}); update Versus";
        return null;
    }

    private static (int Major, int Minor)? Version(string text)
    {
        var parts = text.Split('.');
        return parts.Length == 2 && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var major)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var minor)
            ? (major, minor)
            : null;
    }

    private static string FirstLine(string message) => message.Split('\n')[0].Trim();
}
