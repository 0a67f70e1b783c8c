using Versus.Core.Measurement;

namespace Versus.Core.Tests.Measurement;

/// <summary>
/// How many calls warm-up makes. The calls really take their time (delays), so elapsed time is real; every assertion
/// holds however much slower the machine is, since a slower call only reaches the time limits sooner.
/// </summary>
public sealed class WarmupLoopTests
{
    [Fact]
    public async Task Should_MakeTheFullCountAndTheMinimumTime_When_CallsAreFast()
    {
        var calls = 0;
        var started = System.Diagnostics.Stopwatch.StartNew();

        await WarmupLoop.RunAsync(async n => { calls += n; await Task.Delay(n); return [.. Enumerable.Repeat(1.0, n)]; }, 20, TimeSpan.FromMilliseconds(100));

        Assert.True(calls >= 20, $"{calls} calls");
        Assert.True(started.Elapsed >= TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public async Task Should_StopAfterThreeTimesTheMinimum_When_EachCallTakesASizeableShareOfIt()
    {
        // 150 ms calls against a 200 ms minimum: the full count of 20 would take 3 s; the cap stops near 600 ms.
        var calls = 0;

        await WarmupLoop.RunAsync(async n => { calls += n; await Task.Delay(150 * n); return [.. Enumerable.Repeat(150.0, n)]; }, 20, TimeSpan.FromMilliseconds(200));

        Assert.InRange(calls, 2, 6);
    }

    [Fact]
    public async Task Should_StopAfterTwoCalls_When_OneCallOutlastsTheMinimum()
    {
        var calls = 0;

        var last = await WarmupLoop.RunAsync(async n => { calls += n; await Task.Delay(120 * n); return [.. Enumerable.Repeat(120.0, n)]; }, 20, TimeSpan.FromMilliseconds(100));

        Assert.Equal(2, calls);
        Assert.Equal(120.0, last);
    }
}
