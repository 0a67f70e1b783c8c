using Versus.Core.Results;
using Xunit;

namespace Versus.Store.Tests;

/// <summary>
/// What every <see cref="IResultStore"/> must do, written once: one subclass per store (SQLite, PostgreSQL) runs it all,
/// so both behave alike. Each test gets a fresh, empty store. Tests are skippable: a store whose server is absent skips
/// them with the reason instead of passing.
/// </summary>
public abstract class ResultStoreContract
{
    /// <summary>A new instance on this test's store: calling it twice gives two independent instances on the same data.</summary>
    protected abstract Task<IResultStore> OpenStoreAsync();

    [SkippableFact]
    public async Task Should_LoadRunAsWritten_When_ReopenedInNewInstance()
    {
        var run = Samples.Run("20261125-100000-a1b2c3");
        var ok = Samples.Ok();
        var failed = Samples.Failed();
        var finishedAt = Samples.Start.AddMinutes(2);
        await using (var writer = await OpenStoreAsync())
        {
            await writer.BeginRunAsync(run);
            await writer.SaveMeasurementAsync(run.RunId, ok);
            await writer.SaveMeasurementAsync(run.RunId, failed);
            await writer.FinishRunAsync(run.RunId, "completed", finishedAt);
        }

        await using var reader = await OpenStoreAsync();
        var loaded = await reader.LoadRunAsync(run.RunId);

        Assert.NotNull(loaded);
        Assert.Equal(run.SchemaVersion, loaded.SchemaVersion);
        Assert.Equal(run.RunId, loaded.RunId);
        Assert.Equal(run.StartedAt, loaded.StartedAt);
        Assert.Equal(finishedAt, loaded.FinishedAt);
        Assert.Equal("completed", loaded.Status);
        Assert.Equal(run.StatisticsMethod, loaded.StatisticsMethod);
        Assert.Equal(run.Options.Engines, loaded.Options.Engines);
        Assert.Equal(run.Options.Seed, loaded.Options.Seed);
        Assert.Equal(run.Environment.CpuModel, loaded.Environment.CpuModel);
        Assert.Equal(run.Environment.CpuFeatures, loaded.Environment.CpuFeatures);
        Assert.Equal(run.Engines, loaded.Engines);
        Assert.Equal(run.Workloads, loaded.Workloads);
        AssertSameJson(run.Options, loaded.Options);
        AssertSameJson(run.Environment, loaded.Environment);

        Assert.Equal(2, loaded.Measurements.Count);
        var loadedOk = loaded.Measurements[0];
        Assert.Equal(ok.Id, loadedOk.Id);
        Assert.Equal(MeasurementStatus.Ok, loadedOk.Status);
        Assert.Equal(ok.EngineInfo!.Version, loadedOk.EngineInfo!.Version);
        Assert.Equal(ok.EngineInfo.Details, loadedOk.EngineInfo.Details);
        Assert.Equal(ok.StopReason, loadedOk.StopReason);
        Assert.Equal(ok.StartedAt, loadedOk.StartedAt);
        Assert.Equal(ok.PeakRssBytes, loadedOk.PeakRssBytes);
        var latency = ok.Metric(MetricNames.LatencyBatch1)!;
        var loadedLatency = loadedOk.Metric(MetricNames.LatencyBatch1)!;
        Assert.Equal(latency.Samples, loadedLatency.Samples);
        Assert.Equal(latency.Unit, loadedLatency.Unit);
        Assert.NotNull(latency.Summary);
        Assert.Equal(latency.Summary.Median, loadedLatency.Summary!.Median);
        Assert.Equal(latency.Summary.Ci95Low, loadedLatency.Summary.Ci95Low);
        Assert.Equal(latency.Summary.Ci95High, loadedLatency.Summary.Ci95High);
        Assert.Equal(latency.Summary.P90, loadedLatency.Summary.P90);
        Assert.Equal(latency.Summary.Flags, loadedLatency.Summary.Flags);
        Assert.Equal(ok.Metric(MetricNames.ColdStart)!.Note, loadedOk.Metric(MetricNames.ColdStart)!.Note);

        var loadedFailed = loaded.Measurements[1];
        Assert.Equal(MeasurementStatus.Failed, loadedFailed.Status);
        Assert.Equal(failed.Reason, loadedFailed.Reason);
        Assert.Null(loadedFailed.EngineInfo);
        Assert.Null(loadedFailed.Metrics[0].Summary);
        Assert.Equal(failed.Curve, loadedFailed.Curve);

        // Everything else, to the last digit: the measurement JSON is the results contract itself.
        AssertSameJson(ok, loadedOk);
        AssertSameJson(failed, loadedFailed);
    }

    [SkippableFact]
    public async Task Should_SeeMeasurement_When_ReadBeforeRunFinishes()
    {
        var run = Samples.Run("run-in-progress");
        await using var writer = await OpenStoreAsync();
        await writer.BeginRunAsync(run);
        await writer.SaveMeasurementAsync(run.RunId, Samples.Ok());

        // The writer stays open and the run unfinished, as if the process were about to die.
        await using var reader = await OpenStoreAsync();
        var loaded = await reader.LoadRunAsync(run.RunId);
        var listed = Assert.Single(await reader.ListRunsAsync(10));

        Assert.NotNull(loaded);
        Assert.Equal(RunStatus.Running, loaded.Status);
        Assert.Null(loaded.FinishedAt);
        Assert.Equal(Samples.Ok().Id, Assert.Single(loaded.Measurements).Id);
        Assert.Equal(new MeasurementCounts(1, 0, 0), listed.Measurements);
    }

    [SkippableFact]
    public async Task Should_StoreRunning_When_RunBegunWithAnotherStatus()
    {
        await using var store = await OpenStoreAsync();
        var run = Samples.Run("header-only") with { Status = "completed", FinishedAt = Samples.Start.AddHours(1) };

        await store.BeginRunAsync(run);
        var loaded = await store.LoadRunAsync(run.RunId);

        Assert.Equal(RunStatus.Running, loaded!.Status);
        Assert.Null(loaded.FinishedAt);
        Assert.Empty(loaded.Measurements);
    }

    [SkippableFact]
    public async Task Should_ListNewestFirstWithCounts_When_SeveralRunsStored()
    {
        await using var store = await OpenStoreAsync();
        await store.BeginRunAsync(Samples.Run("old", Samples.Start.AddDays(-2), machine: "laptop"));
        await store.BeginRunAsync(Samples.Run("new", Samples.Start));
        await store.BeginRunAsync(Samples.Run("mid", Samples.Start.AddDays(-1)));
        await store.SaveMeasurementAsync("new", Samples.Ok("a"));
        await store.SaveMeasurementAsync("new", Samples.Ok("b"));
        await store.SaveMeasurementAsync("new", Samples.Failed("c"));
        await store.SaveMeasurementAsync("new", Samples.Skipped("d"));
        await store.SaveMeasurementAsync("old", Samples.Failed("a"));
        await store.FinishRunAsync("new", "completed", Samples.Start.AddMinutes(3));

        var runs = await store.ListRunsAsync(10);

        Assert.Equal(["new", "mid", "old"], runs.Select(r => r.RunId));
        var newest = runs[0];
        Assert.Equal(new MeasurementCounts(2, 1, 1), newest.Measurements);
        Assert.Equal(4, newest.Measurements.Total);
        Assert.Equal("completed", newest.Status);
        Assert.Equal(Samples.Start, newest.StartedAt);
        Assert.Equal(Samples.Start.AddMinutes(3), newest.FinishedAt);
        Assert.Equal("bench-01", newest.Machine);
        Assert.Equal("AMD EPYC 7B13", newest.Cpu);
        Assert.Equal("0.1.0-test", newest.VersusVersion);
        Assert.Equal(["torchsharp", "tfjs"], newest.Engines);
        Assert.Equal(["small-cnn-28"], newest.Workloads);
        Assert.Equal(new MeasurementCounts(0, 0, 0), runs[1].Measurements);
        Assert.Equal(RunStatus.Running, runs[1].Status);
        Assert.Null(runs[1].FinishedAt);
        Assert.Equal(new MeasurementCounts(0, 1, 0), runs[2].Measurements);
        Assert.Equal("laptop", runs[2].Machine);
    }

    [SkippableFact]
    public async Task Should_ReturnOnlyNewest_When_MoreRunsThanLimit()
    {
        await using var store = await OpenStoreAsync();
        for (var i = 0; i < 5; i++) await store.BeginRunAsync(Samples.Run($"run-{i}", Samples.Start.AddMinutes(i)));

        var runs = await store.ListRunsAsync(2);

        Assert.Equal(["run-4", "run-3"], runs.Select(r => r.RunId));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => store.ListRunsAsync(0));
    }

    [SkippableFact]
    public async Task Should_OrderByInstant_When_StartTimesHaveDifferentOffsets()
    {
        await using var store = await OpenStoreAsync();
        // 10:30 at +02:00 is 08:30 UTC: earlier than 09:00 UTC although its local clock reads later.
        var east = new DateTimeOffset(2026, 11, 25, 10, 30, 0, TimeSpan.FromHours(2));
        await store.BeginRunAsync(Samples.Run("east", east));
        await store.BeginRunAsync(Samples.Run("utc", new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero)));

        var runs = await store.ListRunsAsync(10);
        var loaded = await store.LoadRunAsync("east");

        Assert.Equal(["utc", "east"], runs.Select(r => r.RunId));
        Assert.Equal(east, loaded!.StartedAt);
        Assert.Equal(TimeSpan.Zero, loaded.StartedAt.Offset);
    }

    [SkippableFact]
    public async Task Should_ReturnNull_When_RunIdUnknown()
    {
        await using var store = await OpenStoreAsync();
        await store.BeginRunAsync(Samples.Run("20261125-known"));

        Assert.Null(await store.LoadRunAsync("20261126"));
        Assert.Null(await store.LoadRunAsync("20261125-known-and-more"));
    }

    [SkippableFact]
    public async Task Should_LoadRun_When_GivenUniquePrefix()
    {
        await using var store = await OpenStoreAsync();
        await store.BeginRunAsync(Samples.Run("20261125-100000-a1b2c3"));
        await store.BeginRunAsync(Samples.Run("20261125-110000-ffee00"));
        await store.SaveMeasurementAsync("20261125-100000-a1b2c3", Samples.Ok());

        var loaded = await store.LoadRunAsync("20261125-10");

        Assert.Equal("20261125-100000-a1b2c3", loaded!.RunId);
        Assert.Single(loaded.Measurements);
    }

    [SkippableFact]
    public async Task Should_ThrowAmbiguous_When_PrefixMatchesSeveralRuns()
    {
        await using var store = await OpenStoreAsync();
        await store.BeginRunAsync(Samples.Run("20261125-100000-a1b2c3"));
        await store.BeginRunAsync(Samples.Run("20261125-110000-ffee00"));
        await store.BeginRunAsync(Samples.Run("20261126-090000-123456"));

        var ex = await Assert.ThrowsAsync<AmbiguousRunIdException>(() => store.LoadRunAsync("20261125"));

        Assert.Equal("20261125", ex.Prefix);
        Assert.Equal(2, ex.MatchCount);
        Assert.Equal(["20261125-100000-a1b2c3", "20261125-110000-ffee00"], ex.Candidates);
        Assert.Contains("ambiguous", ex.Message, StringComparison.Ordinal);
        Assert.Contains("20261125-110000-ffee00", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', ex.Message);
        Assert.IsAssignableFrom<StoreException>(ex);
    }

    [SkippableFact]
    public async Task Should_PreferExactId_When_IdIsAlsoPrefixOfAnother()
    {
        await using var store = await OpenStoreAsync();
        await store.BeginRunAsync(Samples.Run("nightly"));
        await store.BeginRunAsync(Samples.Run("nightly-2"));

        Assert.Equal("nightly", (await store.LoadRunAsync("nightly"))!.RunId);
        Assert.Equal("nightly-2", (await store.LoadRunAsync("nightly-"))!.RunId);
    }

    [SkippableFact]
    public async Task Should_MatchPrefixLiterally_When_PrefixHasWildcardsOrOtherCase()
    {
        await using var store = await OpenStoreAsync();
        await store.BeginRunAsync(Samples.Run("abc-run"));

        Assert.Null(await store.LoadRunAsync("ABC"));
        Assert.Null(await store.LoadRunAsync("a_c"));
        Assert.Null(await store.LoadRunAsync("%"));
        Assert.Equal("abc-run", (await store.LoadRunAsync("abc"))!.RunId);
    }

    [SkippableFact]
    public async Task Should_ReplaceMeasurement_When_SavedAgainWithSameId()
    {
        await using var store = await OpenStoreAsync();
        await store.BeginRunAsync(Samples.Run("retry"));
        await store.SaveMeasurementAsync("retry", Samples.Failed("m1"));
        await store.SaveMeasurementAsync("retry", Samples.Ok("m1"));

        var loaded = await store.LoadRunAsync("retry");
        var listed = Assert.Single(await store.ListRunsAsync(1));

        Assert.Equal(MeasurementStatus.Ok, Assert.Single(loaded!.Measurements).Status);
        Assert.Equal(new MeasurementCounts(1, 0, 0), listed.Measurements);
    }

    [SkippableFact]
    public async Task Should_KeepSaveOrder_When_MeasurementsLoaded()
    {
        await using var store = await OpenStoreAsync();
        await store.BeginRunAsync(Samples.Run("order"));
        string[] ids = ["z", "a", "m", "b"];
        foreach (var id in ids) await store.SaveMeasurementAsync("order", Samples.Ok(id));

        var loaded = await store.LoadRunAsync("order");

        Assert.Equal(ids, loaded!.Measurements.Select(m => m.Id));
    }

    [SkippableFact]
    public async Task Should_KeepMeasurementsApart_When_TwoRunsUseSameMeasurementId()
    {
        await using var store = await OpenStoreAsync();
        await store.BeginRunAsync(Samples.Run("first"));
        await store.BeginRunAsync(Samples.Run("second"));
        await store.SaveMeasurementAsync("first", Samples.Ok("same"));
        await store.SaveMeasurementAsync("second", Samples.Failed("same"));

        Assert.Equal(MeasurementStatus.Ok, Assert.Single((await store.LoadRunAsync("first"))!.Measurements).Status);
        Assert.Equal(MeasurementStatus.Failed, Assert.Single((await store.LoadRunAsync("second"))!.Measurements).Status);
    }

    [SkippableFact]
    public async Task Should_KeepEveryMeasurement_When_CallsAndInstancesOverlap()
    {
        await using var first = await OpenStoreAsync();
        await using var second = await OpenStoreAsync();
        await first.BeginRunAsync(Samples.Run("busy"));

        // Calls on one instance overlap, and two instances (two processes, in real use) write the same file at once.
        await Task.WhenAll(Enumerable.Range(0, 40).Select(i =>
            Task.Run(() => (i % 2 == 0 ? first : second).SaveMeasurementAsync("busy", Samples.Ok($"m{i}")))));
        var loaded = await second.LoadRunAsync("busy");

        Assert.Equal(40, loaded!.Measurements.Count);
        Assert.Equal(40, loaded.Measurements.Select(m => m.Id).Distinct().Count());
    }

    [SkippableFact]
    public async Task Should_Refuse_When_RunBegunTwice()
    {
        await using var store = await OpenStoreAsync();
        await store.BeginRunAsync(Samples.Run("twice"));

        var ex = await Assert.ThrowsAsync<StoreException>(() => store.BeginRunAsync(Samples.Run("twice")));

        Assert.Contains("'twice' is already stored", ex.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Should_Refuse_When_HeaderCarriesMeasurements()
    {
        await using var store = await OpenStoreAsync();
        var run = Samples.Run("with-measurements") with { Measurements = [Samples.Ok()] };

        await Assert.ThrowsAsync<ArgumentException>(() => store.BeginRunAsync(run));
        Assert.Null(await store.LoadRunAsync("with-measurements"));
    }

    [SkippableFact]
    public async Task Should_LoadDeploymentRecordsInSaveOrderWithTheirMetrics_When_ProbesWereSaved()
    {
        var run = Samples.Run("20261125-100000-d3p10y");
        var browser = Samples.Deployment(DeploymentTarget.Browser, "onnxruntime-web (Chromium, wasm)");
        var interop = Samples.Deployment(DeploymentTarget.OnnxInterop, "torchsharp-to-onnxruntime");
        var cited = new DeploymentRecord(DeploymentTarget.Tpu, "TensorFlow", DeploymentRecord.AnyWorkload, DeploymentStatus.Cited, "the deck's score 3/3", [], "the deck, slide 9");
        await using (var writer = await OpenStoreAsync())
        {
            await writer.BeginRunAsync(run);
            await writer.SaveDeploymentAsync(run.RunId, interop);
            await writer.SaveDeploymentAsync(run.RunId, browser);
            await writer.SaveDeploymentAsync(run.RunId, cited);
        }

        await using var reader = await OpenStoreAsync();
        var loaded = (await reader.LoadRunAsync(run.RunId))!.Deployment!;

        Assert.Equal([DeploymentTarget.OnnxInterop, DeploymentTarget.Browser, DeploymentTarget.Tpu], loaded.Select(d => d.Target));
        AssertSameJson(browser, loaded[1]);
        Assert.Equal(browser.Metrics[0].Samples, loaded[1].Metrics[0].Samples);
        Assert.Equal("the deck, slide 9", loaded[2].Source);
    }

    [SkippableFact]
    public async Task Should_ReplaceTheRecord_When_TheSameProbeIsSavedAgain()
    {
        await using var store = await OpenStoreAsync();
        await store.BeginRunAsync(Samples.Run("again"));
        var first = Samples.Deployment(DeploymentTarget.Edge, "onnxruntime") with { Status = DeploymentStatus.Failed, Evidence = "first try" };

        await store.SaveDeploymentAsync("again", first);
        await store.SaveDeploymentAsync("again", first with { Status = DeploymentStatus.Passed, Evidence = "second try" });

        var loaded = Assert.Single((await store.LoadRunAsync("again"))!.Deployment!);
        Assert.Equal("second try", loaded.Evidence);
    }

    [SkippableFact]
    public async Task Should_LoadNoDeploymentList_When_NoProbeWasSaved()
    {
        await using var store = await OpenStoreAsync();
        await store.BeginRunAsync(Samples.Run("no-deploy"));

        Assert.Null((await store.LoadRunAsync("no-deploy"))!.Deployment);
    }

    [SkippableFact]
    public async Task Should_Refuse_When_RunNeverBegun()
    {
        await using var store = await OpenStoreAsync();

        var deployment = await Assert.ThrowsAsync<StoreException>(() => store.SaveDeploymentAsync("ghost", Samples.Deployment(DeploymentTarget.Edge, "onnxruntime")));
        Assert.Contains("'ghost' is not in", deployment.Message, StringComparison.Ordinal);
        var save = await Assert.ThrowsAsync<StoreException>(() => store.SaveMeasurementAsync("ghost", Samples.Ok()));
        var finish = await Assert.ThrowsAsync<StoreException>(() => store.FinishRunAsync("ghost", "completed", Samples.Start));

        Assert.Contains("'ghost' is not in", save.Message, StringComparison.Ordinal);
        Assert.Contains("'ghost' is not in", finish.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Should_ThrowObjectDisposed_When_UsedAfterDispose()
    {
        var store = await OpenStoreAsync();
        await store.DisposeAsync();
        await store.DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => store.ListRunsAsync(1));
    }

    [SkippableFact]
    public async Task Should_KeepTheRecordAsComputed_When_ASummaryFigureIsNotANumber()
    {
        await using var store = await OpenStoreAsync();
        await store.BeginRunAsync(Samples.Run("nan"));
        // A metric whose figures are not all finite, as a degenerate interval gives: the store must take it, not crash.
        var latency = MetricRecord.From(MetricNames.LatencyBatch1, "ms", [0.5, 0.5, 0.5]);
        var odd = latency with { Summary = latency.Summary! with { Ci95Low = double.NaN, P99 = double.PositiveInfinity } };
        var measurement = Samples.Ok("odd") with { Metrics = [odd] };

        await store.SaveMeasurementAsync("nan", measurement);
        var loaded = Assert.Single((await store.LoadRunAsync("nan"))!.Measurements);

        Assert.True(double.IsNaN(loaded.Metrics[0].Summary!.Ci95Low!.Value));
        Assert.Equal(double.PositiveInfinity, loaded.Metrics[0].Summary!.P99);
        AssertSameJson(measurement, loaded);
    }

    [SkippableFact]
    public async Task Should_KeepTheReasonExactly_When_ItHoldsControlCharacters()
    {
        await using var store = await OpenStoreAsync();
        await store.BeginRunAsync(Samples.Run("nul"));
        // A worker's stderr tail can hold anything, NUL included (PostgreSQL's text cannot).
        var failed = Samples.Failed() with { Reason = "worker died:\0\u0001 core dumped\nsee log" };

        await store.SaveMeasurementAsync("nul", failed);
        var loaded = Assert.Single((await store.LoadRunAsync("nul"))!.Measurements);

        Assert.Equal(failed.Reason, loaded.Reason);
    }

    private static void AssertSameJson<T>(T expected, T actual) => Assert.Equal(ResultsJson.Serialize(expected), ResultsJson.Serialize(actual));
}
