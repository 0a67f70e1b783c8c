using TorchSharp;
using Versus.Core.Data;
using Xunit.Abstractions;

namespace Versus.Engines.TorchSharp.Tests;

/// <summary>Native memory must not grow with steps: a benchmark runs thousands of them in one worker.</summary>
public sealed class ResourceTests(ITestOutputHelper output)
{
    [SkippableFact]
    public void Should_KeepLiveTensorsAndMemoryFlat_When_Training1000Steps()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "reads /proc/self/status");
        var spec = TestSpecs.Inline(InlineSpecs.Tiny);
        var data = TestWorkloads.Data(spec, train: 256, test: 16);
        using var engine = TestWorkloads.Prepared(spec, TestWorkloads.Weights(spec), data);
        var order = EpochOrder.Permutation(3, 0, data.Train.Count);
        var batch = spec.Training.BatchSize;
        int[] testBatch = [0, 1, 2, 3, 4, 5, 6, 7];
        long liveAt100 = 0, rssAt100 = 0;

        for (var step = 1; step <= 1000; step++)
        {
            var start = (step * batch) % (data.Train.Count - batch);
            engine.TrainStep(order.AsSpan(start, batch));
            if (step % 50 == 0) engine.Infer(testBatch);
            if (step == 100)
            {
                liveAt100 = DisposeScopeManager.Statistics.ThreadTotalLiveCount;
                rssAt100 = ResidentBytes();
            }
        }
        var liveAt1000 = DisposeScopeManager.Statistics.ThreadTotalLiveCount;
        var rssAt1000 = ResidentBytes();

        output.WriteLine($"live tensors {liveAt100} -> {liveAt1000}; RSS {rssAt100 / 1e6:F1} MB -> {rssAt1000 / 1e6:F1} MB");
        Assert.Equal(liveAt100, liveAt1000);
        Assert.True(rssAt1000 - rssAt100 < 20_000_000, $"RSS grew by {(rssAt1000 - rssAt100) / 1e6:F1} MB over 900 steps");
    }

    /// <summary>RSS after a full collection, so managed garbage (the GC's gen-0 budget can be tens of MB) does not read as a leak.</summary>
    private static long ResidentBytes()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var line = File.ReadLines("/proc/self/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) * 1024;
    }
}
