using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Versus.Core.Protocol;

/// <summary>
/// One line of the worker protocol (docs/protocol.md): JSON lines over stdio. Requests carry an id, an op and args;
/// responses echo the id with ok + result, or ok=false + error. Every response reports the worker's peak RSS.
/// </summary>
public static class ProtocolEnvelope
{
    /// <summary>2 added <c>load</c> and <c>save</c>, which every run's forward parity on trained state needs.</summary>
    public const int Version = 2;

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>
    /// How a worker's result is read: a field the record requires may not be missing and a non-nullable one may not be
    /// null, so a malformed reply fails as a protocol break at the boundary instead of as a null deep in a driver.
    /// </summary>
    public static readonly JsonSerializerOptions Replies = new(Json)
    {
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    public static string Request(long id, string op, object? args) =>
        new JsonObject { ["id"] = id, ["op"] = op, ["args"] = args is null ? new JsonObject() : JsonSerializer.SerializeToNode(args, Json) }
            .ToJsonString(Json);

    public static string Success(long id, object? result, long? peakRssBytes) =>
        new JsonObject
        {
            ["id"] = id,
            ["ok"] = true,
            ["result"] = result is null ? new JsonObject() : JsonSerializer.SerializeToNode(result, Json),
            ["peakRssBytes"] = peakRssBytes,
        }.ToJsonString(Json);

    public static string Failure(long id, string error, long? peakRssBytes) =>
        new JsonObject { ["id"] = id, ["ok"] = false, ["error"] = error, ["peakRssBytes"] = peakRssBytes }.ToJsonString(Json);
}
