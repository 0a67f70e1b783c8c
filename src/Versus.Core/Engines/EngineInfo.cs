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
    [property: JsonPropertyName("threadControl")] ThreadControl? ThreadControl = null)
{
    /// <summary>This info with <paramref name="more"/> details added or replacing its own (what a worker learned later).</summary>
    public EngineInfo WithDetails(IReadOnlyDictionary<string, string>? more)
    {
        if (more is null || more.Count == 0) return this;
        var merged = new Dictionary<string, string>(Details);
        foreach (var (key, value) in more) merged[key] = value;
        return this with { Details = merged };
    }
}
