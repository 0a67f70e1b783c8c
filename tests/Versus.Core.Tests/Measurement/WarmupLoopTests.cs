using Versus.Core.Measurement;
using Versus.Core.Results;

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

        var warmup = await WarmupLoop.RunAsync(WarmupPhase.Latency, async n => { calls += n; await Task.Delay(n); return [.. Enumerable.Repeat(1.0, n)]; }, 20, TimeSpan.FromMilliseconds(100));

        // The full count, unless the machine stalled the calls past the cap of three times the minimum (the rule for
        // slow calls, which a busy shared machine can trigger with fast ones).
        Assert.True(calls >= 20 || warmup.Seconds >= 0.3, $"{calls} calls in {warmup.Seconds} s");
        Assert.True(started.Elapsed >= TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public async Task Should_StopAfterThreeTimesTheMinimum_When_EachCallTakesASizeableShareOfIt()
    {
        // 150 ms calls against a 200 ms minimum: the full count of 20 would take 3 s; the cap stops near 600 ms.
        var calls = 0;

        await WarmupLoop.RunAsync(WarmupPhase.Latency, async n => { calls += n; await Task.Delay(150 * n); return [.. Enumerable.Repeat(150.0, n)]; }, 20, TimeSpan.FromMilliseconds(200));

        Assert.InRange(calls, 2, 6);
    }

    [Fact]
    public async Task Should_StopAfterTwoCalls_When_OneCallOutlastsTheMinimum()
    {
        var calls = 0;

        var warmup = await WarmupLoop.RunAsync(WarmupPhase.Latency, async n => { calls += n; await Task.Delay(120 * n); return [.. Enumerable.Repeat(120.0, n)]; }, 20, TimeSpan.FromMilliseconds(100));

        Assert.Equal(2, calls);
        Assert.Equal(120.0, warmup.LastCallMs);
        Assert.Equal(2, warmup.Calls);
    }

    [Fact]
    public async Task Should_RecordTheCallsAndTimeItRan_When_Done()
    {
        var calls = 0;

        var warmup = await WarmupLoop.RunAsync(WarmupPhase.Training, async n => { calls += n; await Task.Delay(5 * n); return [.. Enumerable.Repeat(5.0, n)]; },
            4, TimeSpan.FromMilliseconds(150));

        Assert.Equal(WarmupPhase.Training, warmup.Phase);
        Assert.Equal(calls, warmup.Calls);
        Assert.True(warmup.Seconds >= 0.15, $"{warmup.Seconds} s");
        Assert.Equal(4, warmup.MinimumCalls);
        Assert.Equal(0.15, warmup.MinimumSeconds, 9);
    }

    [Fact]
    public async Task Should_StartNoCallAfterTheLimit_When_ALimitIsGiven()
    {
        // 100 ms calls, 20 asked for over 2 s, but a 250 ms limit: calls start at about 0, 100 and 200 ms, none after 250.
        var calls = 0;
        var starts = new List<TimeSpan>();
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var warmup = await WarmupLoop.RunAsync(WarmupPhase.Training, async n =>
        {
            starts.Add(clock.Elapsed);
            calls += n;
            await Task.Delay(100 * n);
            return [.. Enumerable.Repeat(100.0, n)];
        }, 20, TimeSpan.FromSeconds(2), limit: TimeSpan.FromMilliseconds(250));

        Assert.InRange(calls, 1, 3);
        // When each call started, not how long the calls took: a busy machine stretches Task.Delay (a whole run took
        // 1.2 s here), and that must not fail the rule. The loop's clock starts just after this one.
        var offset = clock.Elapsed - TimeSpan.FromSeconds(warmup.Seconds);
        Assert.All(starts.Skip(1), s => Assert.True(s - offset < TimeSpan.FromMilliseconds(250), $"a call started at {(s - offset).TotalMilliseconds} ms"));
    }
}
