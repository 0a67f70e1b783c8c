using Versus.Core.Results;
using Xunit;

namespace Versus.Store.Tests;

/// <summary>A metric too small for a 95% interval is stored without one, in its SQL columns and in the record it loads back as.</summary>
public sealed class SqliteIntervalTests : IDisposable
{
    private readonly TempFolder folder = new();

    private string DbPath => folder.File("results.db");

    [Fact]
    public async Task Should_StoreNullBounds_When_AMetricHasThreeSamples()
    {
        await using (var store = await SqliteResultStore.OpenAsync(DbPath))
        {
            await store.BeginRunAsync(Samples.Run("small"));
            await store.SaveMeasurementAsync("small", Samples.Ok());
        }

        var row = RawDatabase.Rows(DbPath, $"SELECT count, median, ci95_low, ci95_high FROM metrics WHERE name = '{MetricNames.Throughput}'").Single();
        await using var reopened = await SqliteResultStore.OpenAsync(DbPath);
        var loaded = (await reopened.LoadRunAsync("small"))!.Measurements.Single().Metric(MetricNames.Throughput)!.Summary!;

        Assert.Equal(3L, row[0]);
        Assert.NotNull(row[1]);
        Assert.Null(row[2]);
        Assert.Null(row[3]);
        Assert.Null(loaded.Ci95Low);
        Assert.Null(loaded.Ci95High);
    }

    [Fact]
    public async Task Should_StoreTheBounds_When_AMetricHasTenSamples()
    {
        await using (var store = await SqliteResultStore.OpenAsync(DbPath))
        {
            await store.BeginRunAsync(Samples.Run("enough"));
            await store.SaveMeasurementAsync("enough", Samples.Ok());
        }

        var row = RawDatabase.Rows(DbPath, $"SELECT count, ci95_low, ci95_high FROM metrics WHERE name = '{MetricNames.LatencyBatch1}'").Single();

        Assert.Equal(10L, row[0]);
        Assert.IsType<double>(row[1]);
        Assert.IsType<double>(row[2]);
        Assert.True((double)row[1]! < (double)row[2]!);
    }

    public void Dispose() => folder.Dispose();
}
