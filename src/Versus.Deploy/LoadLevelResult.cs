using System.Text.Json.Serialization;
using Versus.Core.Statistics;

namespace Versus.Deploy;

/// <summary>
/// One load level: a fixed number of requests sent by <see cref="Concurrency"/> clients, each sending its next request
/// as soon as the previous one is answered (closed loop). Latency covers send to last response byte, successes only;
/// throughput counts successful requests over the level's wall time.
/// </summary>
public sealed record LoadLevelResult(
    [property: JsonPropertyName("concurrency")] int Concurrency,
    [property: JsonPropertyName("requests")] int Requests,
    [property: JsonPropertyName("errors")] int Errors,
    [property: JsonPropertyName("wallMs")] double WallMs,
    [property: JsonPropertyName("throughputPerSecond")] double ThroughputPerSecond,
    [property: JsonPropertyName("latencyMs")] SampleSummary? LatencyMs,
    [property: JsonPropertyName("errorSamples")] IReadOnlyList<string> ErrorSamples,
    [property: JsonIgnore] IReadOnlyList<double>? LatencySamplesMs = null)
{
    /// <summary>Harrell-Davis median latency, or null when no request succeeded.</summary>
    [JsonIgnore]
    public double? P50Ms => LatencyMs?.Median;

    /// <summary>p99 latency, or null when fewer than 662 requests succeeded (<see cref="TailPercentileRule"/>).</summary>
    [JsonIgnore]
    public double? P99Ms => LatencyMs?.P99;
}
