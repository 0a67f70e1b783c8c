using System.Text.Json.Serialization;

namespace Versus.Core.Data;

/// <summary>
/// Where a dataset comes from, small enough to send to a worker, which rebuilds the same bytes itself (data never
/// crosses the pipe). Kind "generated": <see cref="GeneratedDataset"/> with the seed and counts; kind "idx": the four
/// IDX files in <see cref="Path"/>. <see cref="TrainLimit"/> and <see cref="TestLimit"/> keep the first N examples.
/// </summary>
public sealed record DataSource(
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("seed")] uint Seed,
    [property: JsonPropertyName("trainCount")] int TrainCount,
    [property: JsonPropertyName("testCount")] int TestCount,
    [property: JsonPropertyName("path")] string? Path = null)
{
    public const string Generated = "generated";
    public const string Idx = "idx";

    public override string ToString() => Kind == Idx ? $"IDX files in {Path} ({TrainCount} train / {TestCount} test)" : $"generated (seed {Seed}, {TrainCount} train / {TestCount} test)";
}
