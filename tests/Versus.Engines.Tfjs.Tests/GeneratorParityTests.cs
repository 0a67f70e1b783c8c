using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text.Json;
using Versus.Core.Data;
using Versus.Core.Models;
using Versus.Core.Randomness;

namespace Versus.Engines.Tfjs.Tests;

/// <summary>
/// The worker rebuilds the dataset and the epoch order itself (data never crosses the pipe), so its JavaScript port
/// (worker/lib/random.js) must produce the very bytes GeneratedDataset and EpochOrder produce.
/// </summary>
public sealed class GeneratorParityTests
{
    [SkippableTheory]
    [InlineData(1, 28, 28, 10, 11u)]
    [InlineData(3, 64, 64, 10, 4_000_000_000u)]
    [InlineData(2, 9, 13, 7, 0u)]
    [InlineData(3, 32, 32, 1000, 7u)]
    [InlineData(2, 11, 25, 12, 99u)]
    [InlineData(1, 10, 23, 100_000, 5u)]
    public async Task Should_ProduceIdenticalBytes_When_GeneratingTheSameDataset(int channels, int height, int width, int classes, uint seed)
    {
        TfjsTestEnvironment.RequireEngine();
        var source = new DataSource(DataSource.Generated, seed, 300, 50);
        var expected = GeneratedDataset.Create(ActivationShape.Image(channels, height, width), classes, source);

        var json = await NodeScript.RunAsync($$"""
            const { generatedDataset } = require('./lib/random');
            const crypto = require('crypto');
            const hash = (set) => crypto.createHash('sha256').update(set.pixels).update(set.labels).digest('hex');
            const d = generatedDataset({ channels: {{channels}}, height: {{height}}, width: {{width}} }, {{classes}}, {{seed}}, 300, 50);
            console.log(JSON.stringify({ train: hash(d.train), test: hash(d.test) }));
            """);
        using var actual = JsonDocument.Parse(json);

        Assert.Equal(Hash(expected.Train), actual.RootElement.GetProperty("train").GetString());
        Assert.Equal(Hash(expected.Test), actual.RootElement.GetProperty("test").GetString());
    }

    [SkippableFact]
    public async Task Should_ProduceIdenticalOrders_When_ShufflingTheSameEpoch()
    {
        TfjsTestEnvironment.RequireEngine();
        var json = await NodeScript.RunAsync("""
            const { epochOrder } = require('./lib/random');
            console.log(JSON.stringify([[7, 0, 1000], [7, 3, 1000], [4294967295, 1, 61]].map(([s, e, n]) => Array.from(epochOrder(s, e, n)))));
            """);
        var actual = JsonSerializer.Deserialize<int[][]>(json)!;

        Assert.Equal(EpochOrder.Permutation(7, 0, 1000), actual[0]);
        Assert.Equal(EpochOrder.Permutation(7, 3, 1000), actual[1]);
        Assert.Equal(EpochOrder.Permutation(uint.MaxValue, 1, 61), actual[2]);
        Assert.NotEqual(actual[0], actual[1]);
    }

    [SkippableFact]
    public async Task Should_ProduceIdenticalRawOutputs_When_SeededAlike()
    {
        TfjsTestEnvironment.RequireEngine();
        var json = await NodeScript.RunAsync("""
            const { PortableRandom } = require('./lib/random');
            const r = new PortableRandom(123456789, 1001);
            console.log(JSON.stringify(Array.from({ length: 64 }, () => r.nextUInt())));
            """);
        var random = new PortableRandom(123456789, 1001);

        Assert.Equal(Enumerable.Range(0, 64).Select(_ => random.NextUInt()).ToArray(), JsonSerializer.Deserialize<uint[]>(json));
    }

    [SkippableFact]
    public async Task Should_ReadIdenticalBytes_When_LoadingTheSameIdxFiles()
    {
        TfjsTestEnvironment.RequireEngine();
        Skip.IfNot(Directory.Exists(IdxDataset.DebianFashionMnist), $"{IdxDataset.DebianFashionMnist} is missing (apt package dataset-fashion-mnist; scripts/install-test-deps.sh installs it)");
        var source = new DataSource(DataSource.Idx, 0, 500, 100, IdxDataset.DebianFashionMnist);
        var expected = IdxDataset.Load(source, 10);

        var json = await NodeScript.RunAsync($$"""
            const { loadDataset } = require('./lib/data');
            const crypto = require('crypto');
            const hash = (set) => crypto.createHash('sha256').update(set.pixels).update(set.labels).digest('hex');
            const d = loadDataset({ kind: 'idx', seed: 0, trainCount: 500, testCount: 100, path: {{JsonSerializer.Serialize(source.Path)}} }, { channels: 1, height: 28, width: 28 }, 10);
            console.log(JSON.stringify({ train: hash(d.train), test: hash(d.test) }));
            """);
        using var actual = JsonDocument.Parse(json);

        Assert.Equal(Hash(expected.Train), actual.RootElement.GetProperty("train").GetString());
        Assert.Equal(Hash(expected.Test), actual.RootElement.GetProperty("test").GetString());
    }

    private static string Hash(ImageSet set)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(set.Pixels);
        // Labels as their little-endian 32-bit bytes, as Node hashes an Int32Array.
        sha.AppendData(MemoryMarshal.AsBytes(set.Labels.AsSpan()));
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }
}
