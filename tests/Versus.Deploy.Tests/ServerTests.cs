using System.Net;
using System.Net.Http.Json;
using Versus.Core.Deployment;
using Versus.Engines.OnnxRuntime;
using Versus.Engines.TorchSharp;
using Versus.Engines.TorchSharp.Deployment;

namespace Versus.Deploy.Tests;

/// <summary>The HTTP server on loopback answers with the model's own logits and refuses bodies that do not fit.</summary>
public sealed class ServerTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task Should_AnswerTheEnginesLogits_When_PostedTwoImages()
    {
        var (spec, weights, data) = Workloads.Depth2();
        await using var server = await TestEngines.ServeOnnxAsync(spec, weights, threads: 1);
        using var client = new HttpClient { BaseAddress = server.Address };
        var pixels = data.PixelsPerImage;
        float[] Image(int n) => [.. data.Test.Pixels.AsSpan(n * pixels, pixels).ToArray().Select(b => b / 255f)];

        using var response = await client.PostAsJsonAsync("predict", new PredictRequest([Image(4), Image(7)]));
        var answer = await response.Content.ReadFromJsonAsync<PredictResponse>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var engine = new OnnxRuntimeEngineProvider().Load(1);
        await engine.PrepareAsync(spec, weights, data, CancellationToken.None);
        var expected = engine.Predict([4, 7]);
        Assert.Equal(2, answer!.Logits.Count);
        Assert.Equal(expected, answer.Logits.SelectMany(row => row), (a, b) => Math.Abs(a - b) <= 1e-5f);
    }

    [Fact]
    public async Task Should_AnswerTorchSharpsOwnLogitsToConcurrentRequests_When_ServedFromTheTrainedModule()
    {
        var (spec, weights, data) = Workloads.Depth2();
        var serving = new TorchSharpServing(new TorchSharpEngineProvider());
        var input = new ServingInput(spec, TestEngines.Exported(spec, weights, temp.Path), data, Threads: 1);
        var runner = await serving.LoadAsync(input, CancellationToken.None);
        var served = new ServedModel(runner, serving.Engine, spec.Input, spec.Classes);
        await using var server = await ModelServer.StartAsync(served, spec.Id, CancellationToken.None);
        using var client = new HttpClient { BaseAddress = server.Address };
        var pixels = data.PixelsPerImage;
        float[] Image(int n) => [.. data.Test.Pixels.AsSpan(n * pixels, pixels).ToArray().Select(b => b / 255f)];

        // 32 requests in flight at once on one shared module: each must get its own image's logits.
        var answers = await Task.WhenAll(Enumerable.Range(0, 32).Select(async i =>
        {
            using var response = await client.PostAsJsonAsync("predict", new PredictRequest([Image(i % 8)]));
            response.EnsureSuccessStatusCode();
            return (Image: i % 8, Logits: (await response.Content.ReadFromJsonAsync<PredictResponse>())!.Logits[0]);
        }));

        using var reference = new TorchSharpEngineProvider().Load(1);
        await reference.PrepareAsync(spec, weights, data, CancellationToken.None);
        var expected = reference.Predict([.. Enumerable.Range(0, 8)]);
        foreach (var (image, logits) in answers)
            Assert.Equal(expected.AsSpan(image * spec.Classes, spec.Classes).ToArray(), logits, (a, b) => Math.Abs(a - b) <= 1e-5f);
        Assert.Contains("TorchSharp", server.Description, StringComparison.Ordinal);
        Assert.Equal(weights.TotalElements * 4, server.ModelBytes);
    }

    [Fact]
    public async Task Should_Answer400WithTheExpectedSize_When_AnImageHasTheWrongLength()
    {
        var (spec, weights, _) = Workloads.Depth2();
        await using var server = await TestEngines.ServeOnnxAsync(spec, weights, threads: 1);
        using var client = new HttpClient { BaseAddress = server.Address };

        using var response = await client.PostAsJsonAsync("predict", new PredictRequest([new float[10]]));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("1x28x28 = 784", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_ListenOnLoopbackOnly_When_Started()
    {
        var (spec, weights, _) = Workloads.Depth2();

        await using var server = await TestEngines.ServeOnnxAsync(spec, weights, threads: 1);

        Assert.Equal("127.0.0.1", server.Address.Host);
        Assert.NotEqual(0, server.Address.Port);
        using var client = new HttpClient { BaseAddress = server.Address };
        Assert.Contains("depth-2", await client.GetStringAsync("health"), StringComparison.Ordinal);
    }
}
