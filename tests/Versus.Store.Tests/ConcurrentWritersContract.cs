using System.Diagnostics;
using Versus.Core.Results;
using Xunit;

namespace Versus.Store.Tests;

/// <summary>
/// Two processes, each writing a run of many measurements into the same store at the same moment (as two "versus run"
/// sharing a --db do): nothing is lost and no measurement or metric lands in the other's run. One subclass per store.
/// </summary>
public abstract class ConcurrentWritersContract : IDisposable
{
    private const int Measurements = 150;
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(3);

    protected TempFolder Folder { get; } = new();

    /// <summary>The --db value of a fresh, empty store that both writers and the test open.</summary>
    protected abstract Task<string> StoreAsync();

    /// <summary>Every metric row with its measurement's run and record id, read from the tables, not through the store.</summary>
    protected abstract Task<IReadOnlyList<(string RunId, string RecordId, string Engine, double Median)>> MetricRowsAsync();

    [SkippableFact]
    public async Task Should_KeepEveryMeasurementInItsOwnRun_When_TwoProcessesWriteAtOnce()
    {
        var db = await StoreAsync();
        var go = Folder.File("go");
        string[] runs = ["run-writer-1", "run-writer-2"];

        var writers = runs.Select((run, i) => Writer.Start(db, run, Measurements, i + 1, go)).ToList();
        try
        {
            // Both runs begun (both processes up, store migrated) before either saves: the saves then overlap.
            await using (var observer = await ResultStores.OpenAsync(db))
            {
                var clock = Stopwatch.StartNew();
                while ((await observer.ListRunsAsync(10)).Count < runs.Length)
                {
                    Assert.True(clock.Elapsed < Limit, $"the writers did not begin their runs: {string.Join(" | ", writers.Select(w => w.Output()))}");
                    Assert.All(writers, w => Assert.False(w.Process.HasExited, $"a writer exited early: {w.Output()}"));
                    await Task.Delay(50);
                }
            }

            await File.WriteAllTextAsync(go, "");
            foreach (var writer in writers) Assert.Equal((0, ""), await writer.ExitAsync(Limit));
        }
        finally
        {
            foreach (var writer in writers) writer.Dispose();
        }

        await using var store = await ResultStores.OpenAsync(db);
        var loaded = new List<RunResults>();
        foreach (var run in runs) loaded.Add((await store.LoadRunAsync(run))!);
        for (var w = 0; w < runs.Length; w++)
        {
            var run = loaded[w];
            Assert.Equal("completed", run.Status);
            Assert.Equal(Enumerable.Range(0, Measurements).Select(i => $"m{i:D4}"), run.Measurements.Select(m => m.Id));
            Assert.All(run.Measurements, m => Assert.Equal($"writer-{w + 1}", m.Engine));
            Assert.Equal(Enumerable.Range(0, Measurements).Select(i => Expected(w + 1, i)),
                run.Measurements.Select(m => m.Metric(MetricNames.LatencyBatch1)!.Samples[0]));
        }

        // The saves really interleaved: each writer saved while the other was still saving.
        Assert.True(loaded[0].Measurements[0].FinishedAt < loaded[1].Measurements[^1].FinishedAt);
        Assert.True(loaded[1].Measurements[0].FinishedAt < loaded[0].Measurements[^1].FinishedAt);

        var rows = await MetricRowsAsync();
        Assert.Equal(runs.Length * Measurements, rows.Count);
        Assert.All(rows, r =>
        {
            var writer = Array.IndexOf(runs, r.RunId) + 1;
            Assert.Equal($"writer-{writer}", r.Engine);
            // The median of three equal samples, as the estimator computes it: equal to the value within rounding.
            Assert.Equal(Expected(writer, int.Parse(r.RecordId[1..], System.Globalization.CultureInfo.InvariantCulture)), r.Median, 1e-6);
        });
    }

    public void Dispose()
    {
        Folder.Dispose();
        GC.SuppressFinalize(this);
    }

    private static double Expected(int writer, int index) => writer * 1_000_000.0 + index;
}
