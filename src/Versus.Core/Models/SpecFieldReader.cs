using System.Text.Json.Nodes;
using Versus.Core.Validation;

namespace Versus.Core.Models;

/// <summary>Reads typed fields from a JSON object, recording a located error for every missing or wrong value.</summary>
internal sealed class SpecFieldReader(string source, IReadOnlyDictionary<string, int> parameters)
{
    private readonly List<ValidationError> errors = [];

    public IReadOnlyList<ValidationError> Errors => errors;

    public void Error(string path, string message) => errors.Add(new ValidationError(source, path, message));

    public JsonObject? Object(JsonNode? node, string path, bool required = true)
    {
        if (node is JsonObject o) return o;
        if (node is null && !required) return null;
        Error(path, node is null ? "is missing; expected an object" : $"must be an object, not {Describe(node)}");
        return null;
    }

    public string? String(JsonObject obj, string name, string path, bool required = true)
    {
        var node = obj[name];
        if (node is null)
        {
            if (required) Error($"{path}.{name}", "is missing; expected a string");
            return null;
        }
        if (node is JsonValue v && v.TryGetValue(out string? s)) return s;
        Error($"{path}.{name}", $"must be a string, not {Describe(node)}");
        return null;
    }

    /// <summary>An integer field; a string value names a family parameter (e.g. "N") and is replaced by its value.</summary>
    public int Int(JsonObject obj, string name, string path, int? fallback, int min, int max = int.MaxValue)
    {
        var node = obj[name];
        var at = $"{path}.{name}";
        if (node is null)
        {
            if (fallback is null) Error(at, $"is missing; expected an integer from {min} to {max}");
            return fallback ?? min;
        }
        int value;
        if (node is JsonValue v && v.TryGetValue(out string? parameter))
        {
            if (!parameters.TryGetValue(parameter, out value))
            {
                Error(at, $"names parameter '{parameter}', which this spec's family does not define");
                return min;
            }
        }
        else if (node is not JsonValue jv || !jv.TryGetValue(out value))
        {
            Error(at, $"must be an integer from {min} to {max}, not {Describe(node)}");
            return fallback ?? min;
        }
        if (value < min || value > max)
        {
            Error(at, $"is {value}; allowed: {min} to {max}");
            return fallback ?? min;
        }
        return value;
    }

    public double Double(JsonObject obj, string name, string path, double? fallback, double min, double max)
    {
        var node = obj[name];
        var at = $"{path}.{name}";
        if (node is null)
        {
            if (fallback is null) Error(at, $"is missing; expected a number from {min} to {max}");
            return fallback ?? min;
        }
        if (node is not JsonValue v || !v.TryGetValue(out double value))
        {
            Error(at, $"must be a number from {min} to {max}, not {Describe(node)}");
            return fallback ?? min;
        }
        if (value < min || value > max || double.IsNaN(value))
        {
            Error(at, $"is {value}; allowed: {min} to {max}");
            return fallback ?? min;
        }
        return value;
    }

    public bool Bool(JsonObject obj, string name, string path, bool fallback)
    {
        var node = obj[name];
        if (node is null) return fallback;
        if (node is JsonValue v && v.TryGetValue(out bool value)) return value;
        Error($"{path}.{name}", $"must be true or false, not {Describe(node)}");
        return fallback;
    }

    public void RejectUnknown(JsonObject obj, string path, params string[] allowed)
    {
        foreach (var (key, _) in obj)
        {
            if (!allowed.Contains(key))
                Error($"{path}.{key}", $"is not a known field; allowed: {string.Join(", ", allowed)}");
        }
    }

    private static string Describe(JsonNode node) => node switch
    {
        JsonObject => "an object",
        JsonArray => "an array",
        _ => node.ToJsonString(),
    };
}
