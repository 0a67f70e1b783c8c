using System.Text.Json.Serialization;

namespace Versus.Core.Engines;

/// <summary>What a worker says about the engine it loaded: recorded with every figure that engine produced.</summary>
/// <param name="ThreadControl">What <paramref name="Threads"/> means; null in results and from workers before 1.2.</param>
public sealed record EngineInfo(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("framework")] string Framework,
    [property: JsonPropertyName("version")] string Version,
    [property: JsonPropertyName("backend")] string Backend,
    [property: JsonPropertyName("host")] string Host,
    [property: JsonPropertyName("threads")] int Threads,
    [property: JsonPropertyName("details")] IReadOnlyDictionary<string, string> Details,
    [property: JsonPropertyName("threadControl")] ThreadControl? ThreadControl = null);
