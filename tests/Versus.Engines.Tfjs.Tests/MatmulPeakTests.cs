using Versus.Core.Protocol;

namespace Versus.Engines.Tfjs.Tests;

/// <summary>TensorFlow.js times its own matrix product on its backend, as the other engines do, for the machine's peak.</summary>
public sealed class MatmulPeakTests
{
    [SkippableTheory]
    [InlineData("tfjs:cpu")]
    [InlineData("tfjs:wasm")]
    public async Task Should_TimeItsOwnMatrixProduct_When_AskedForThePeak(string id)
    {
        TfjsTestEnvironment.RequireEngine(id);
        await using var worker = TfjsWorker.Start(TfjsEngineProvider.For(id));
        var hello = await worker.HelloAsync();

        var small = await worker.Channel.SendAsync<TimingsResult>(Ops.Matmul, new MatmulArgs(64, 3), TimeSpan.FromSeconds(60), CancellationToken.None);
        var larger = await worker.Channel.SendAsync<TimingsResult>(Ops.Matmul, new MatmulArgs(128, 2), TimeSpan.FromSeconds(60), CancellationToken.None);

        Assert.Equal(id.Split(':')[1], hello.Engine.Backend);
        Assert.Equal(3, small.Ms.Length);
        Assert.Equal(2, larger.Ms.Length);
        // 2 x 128^3 = 4.2 MFLOP: more than a microsecond on any CPU, and well under a minute even for JavaScript kernels.
        Assert.All(small.Ms.Concat(larger.Ms), ms => Assert.InRange(ms, 1e-3, 60_000));
    }
}
