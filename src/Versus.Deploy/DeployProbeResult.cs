using System.Text.Json.Serialization;

namespace Versus.Deploy;

/// <summary>What serving a workload over HTTP was measured to do: how the server was set up and each load level.</summary>
public sealed record DeployProbeResult(
    [property: JsonPropertyName("workload")] string Workload,
    [property: JsonPropertyName("server")] string Server,
    [property: JsonPropertyName("endpoint")] string Endpoint,
    [property: JsonPropertyName("modelBytes")] long ModelBytes,
    [property: JsonPropertyName("startMs")] double StartMs,
    [property: JsonPropertyName("threads")] int Threads,
    [property: JsonPropertyName("imagesPerRequest")] int ImagesPerRequest,
    [property: JsonPropertyName("levels")] IReadOnlyList<LoadLevelResult> Levels);
