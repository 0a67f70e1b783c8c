using Versus.Engines.OnnxRuntime.Deployment;

namespace Versus.Deploy.Tests;

/// <summary>The deploy probe end to end on loopback: real server, real HTTP, fixed request counts per level.</summary>
public sealed class ProbeTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task Should_ServeEveryRequestAtEachLevel_When_ProbedAtConcurrency1_8And32()
    {
        var (spec, weights, data) = Workloads.Depth2();
        var options = DeployProbeOptions.Default with { RequestsPerLevel = 96, WarmupRequests = 16 };

        var model = TestEngines.Exported(spec, weights, temp.Path);

        var result = await DeployProbe.RunAsync(new OnnxRuntimeServing(), spec, model, data, options, CancellationToken.None);

        Assert.Equal([1, 8, 32], result.Levels.Select(l => l.Concurrency));
        Assert.All(result.Levels, level =>
        {
            Assert.Equal(96, level.Requests);
            Assert.True(level.Errors == 0, string.Join("; ", level.ErrorSamples));
            Assert.Equal(96, level.LatencyMs!.Count);
            Assert.True(level.ThroughputPerSecond > 0);
            Assert.True(level.P50Ms > 0);
            // 96 requests cannot support a p99 (662 are needed): it is withheld, not guessed.
            Assert.Null(level.P99Ms);
        });
        Assert.True(result.ModelBytes > 0);
        Assert.Equal("depth-2", result.Workload);
    }

    [Fact]
    public async Task Should_ReportAP99AboveTheMedian_When_662RequestsSucceed()
    {
        var (spec, weights, data) = Workloads.Depth2();
        var options = DeployProbeOptions.Default with { Concurrency = [8], WarmupRequests = 8 };

        var model = TestEngines.Exported(spec, weights, temp.Path);

        var result = await DeployProbe.RunAsync(new OnnxRuntimeServing(), spec, model, data, options, CancellationToken.None);

        var level = Assert.Single(result.Levels);
        Assert.Equal(662, level.Requests);
        Assert.Equal(0, level.Errors);
        Assert.NotNull(level.P99Ms);
        Assert.True(level.P99Ms >= level.P50Ms);
    }

    [Fact]
    public async Task Should_CountEveryRejectedRequestAsAnError_When_BodiesDoNotFitTheModel()
    {
        var (spec, weights, _) = Workloads.Depth2();
        await using var server = await TestEngines.ServeOnnxAsync(spec, weights, threads: 1);
        using var client = new HttpClient();
        byte[] wrong = System.Text.Encoding.UTF8.GetBytes("""{"images":[[0.5,0.5]]}""");

        var level = await new LoadGenerator(client).RunAsync(new Uri(server.Address, "predict"), [wrong], concurrency: 4, requests: 20, CancellationToken.None);

        Assert.Equal(20, level.Errors);
        Assert.Null(level.LatencyMs);
        Assert.Equal(0, level.ThroughputPerSecond);
        Assert.Contains("HTTP 400", level.ErrorSamples[0], StringComparison.Ordinal);
    }
}
