using System.Text.Json.Nodes;

namespace Versus.Core.Protocol;

/// <summary>
/// Where a worker's result holds a JSON null, in System.Text.Json's path notation ("$.logits[3]"). JavaScript's
/// JSON.stringify writes NaN and +/-Infinity as null, so a null where a number belongs is usually a non-finite value
/// the worker computed: the fault must say null, not merely that the value "could not be converted".
/// </summary>
internal static class JsonNulls
{
    public static string? First(JsonNode? node, string path = "$")
    {
        switch (node)
        {
            case null:
                return path;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                    if (First(array[i], $"{path}[{i}]") is { } inArray) return inArray;
                return null;
            case JsonObject obj:
                foreach (var (name, value) in obj)
                    if (First(value, $"{path}.{name}") is { } inObject) return inObject;
                return null;
            default:
                return null;
        }
    }
}
