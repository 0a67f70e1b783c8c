using Versus.Core.Results;
using Versus.Store;
using Versus.Testing;

namespace Versus.Cli.Tests;

/// <summary>"versus import results.json" puts a run into the store once, however often it is given.</summary>
public sealed class ImportCommandTests : IDisposable
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task Should_StoreTheRunOnce_When_ImportedTwice()
    {
        var path = HandmadeRun.Write(HandmadeRun.Of("20990101-imp", "cancelled", temp.File("imp")));

        var first = await VersusProcess.RunAsync(Limit, "import", path, "--db", temp.File("results.db"));
        var second = await VersusProcess.RunAsync(Limit, "import", temp.File("imp"), "--db", temp.File("results.db"));

        Assert.True(first.ExitCode == 0, first.Stderr);
        Assert.Contains("2 measurement(s) added, 0 already stored", first.Stdout);
        Assert.True(second.ExitCode == 0, second.Stderr);
        Assert.Contains("0 measurement(s) added, 2 already stored", second.Stdout);
        await using var store = await SqliteResultStore.OpenAsync(temp.File("results.db"));
        var run = Assert.Single(await store.ListRunsAsync(5));
        Assert.Equal("cancelled", run.Status);
        Assert.Equal(2, (await store.LoadRunAsync("20990101-imp"))!.Measurements.Count);
    }

    [Fact]
    public async Task Should_AddOnlyWhatTheStoreLacks_When_TheStoreHasPartOfTheRun()
    {
        var run = HandmadeRun.Of("20990101-part", "completed", temp.File("part"));
        await using (var store = await SqliteResultStore.OpenAsync(temp.File("results.db")))
        {
            await store.BeginRunAsync(run with { Measurements = [] });
            await store.SaveMeasurementAsync(run.RunId, run.Measurements[0]);
        }

        var result = await VersusProcess.RunAsync(Limit, "import", HandmadeRun.Write(run), "--db", temp.File("results.db"));

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Contains("1 measurement(s) added, 1 already stored", result.Stdout);
        await using var reopened = await SqliteResultStore.OpenAsync(temp.File("results.db"));
        var stored = (await reopened.LoadRunAsync(run.RunId))!;
        Assert.Equal("completed", stored.Status);
        Assert.Equal(run.Measurements.Select(m => m.Id), stored.Measurements.Select(m => m.Id));
    }

    [Fact]
    public async Task Should_RefuseInOneLine_When_TheFileIsNotResults()
    {
        File.WriteAllText(temp.File("junk.json"), "{ not json");

        var result = await VersusProcess.RunAsync(Limit, "import", temp.File("junk.json"), "--db", temp.File("results.db"));

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("error: RESULTS '", Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
    }
}
