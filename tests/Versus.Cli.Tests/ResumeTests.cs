using Versus.Core.Results;
using Versus.Store;
using Versus.Testing;

namespace Versus.Cli.Tests;

/// <summary>
/// A run killed with SIGKILL in the middle of its fourth measurement, resumed, ends with the same measurements (ids,
/// statuses) as an uninterrupted run and one report; a resumed run measures on the data its options chose.
/// </summary>
public sealed class ResumeTests : IDisposable
{
    private static readonly string[] Cheap = ["--engines", "torchsharp", "--workloads", "small-cnn-28,depth-2", "--quick", "--no-deploy"];
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task Should_FinishWithTheMeasurementsOfACleanRun_When_ResumedAfterSigkill()
    {
        var killedAt = await RunUntilKilledAsync(temp.File("cut"), temp.File("cut.db"));
        var cut = ResultsJson.Deserialize<RunResults>(File.ReadAllText(Path.Combine(temp.File("cut"), "results.json")));
        Assert.Equal("running", cut.Status);
        Assert.Equal(3, cut.Measurements.Count);

        var resumed = await VersusProcess.RunAsync(TimeSpan.FromMinutes(6), "run", "--resume", cut.RunId, "--db", temp.File("cut.db"));
        var clean = await VersusProcess.RunAsync(TimeSpan.FromMinutes(6), ["run", .. Cheap, "--out", temp.File("clean"), "--db", temp.File("clean.db")]);

        Assert.True(resumed.ExitCode is 0 or 1, $"exit {resumed.ExitCode}: {resumed.Stdout} {resumed.Stderr}");
        Assert.Contains($"Resuming run {cut.RunId}: 3 of 5 measurements finished, 2 to run", resumed.Stdout);
        Assert.True(clean.ExitCode is 0 or 1, $"exit {clean.ExitCode}: {clean.Stderr}");
        var after = ResultsJson.Deserialize<RunResults>(File.ReadAllText(Path.Combine(temp.File("cut"), "results.json")));
        var reference = ResultsJson.Deserialize<RunResults>(File.ReadAllText(Path.Combine(temp.File("clean"), "results.json")));
        Assert.True(Shape(reference).SequenceEqual(Shape(after)), $"clean: {Describe(reference)}\nresumed: {Describe(after)}");
        Assert.Equal(cut.Measurements.Select(m => (m.Id, m.FinishedAt)), after.Measurements.Take(3).Select(m => (m.Id, m.FinishedAt)));
        Assert.Equal(reference.Status, after.Status);
        Assert.Equal(cut.StartedAt, after.StartedAt);

        // One report, written by the resumed run, over all five measurements.
        var report = new FileInfo(Path.Combine(temp.File("cut"), "report.md"));
        Assert.True(report.LastWriteTimeUtc > killedAt.UtcDateTime);
        Assert.Single(Directory.GetFiles(temp.File("cut"), "report.md*"));
        await using var store = await SqliteResultStore.OpenAsync(temp.File("cut.db"));
        var run = Assert.Single(await store.ListRunsAsync(5));
        Assert.Equal(after.Status, run.Status);
        Assert.Equal(after.Measurements.Select(m => m.Id), (await store.LoadRunAsync(cut.RunId))!.Measurements.Select(m => m.Id));
    }

    [Fact]
    public async Task Should_KeepTheRunsImageLimitsAndSeed_When_Resumed()
    {
        string[] limited = ["--engines", "onnxruntime", "--workloads", "depth-2", "--quick", "--no-deploy",
            "--train-images", "512", "--test-images", "64", "--seed", "7"];
        using (var original = RunningVersus.Start(["run", .. limited, "--out", temp.File("limited"), "--db", temp.File("limited.db")]))
        {
            await original.WaitForLineAsync("[3/3]", TimeSpan.FromMinutes(2));
            await original.KillAsync();
        }

        var resumed = await VersusProcess.RunAsync(TimeSpan.FromMinutes(3), "run", "--resume", temp.File("limited"), "--db", temp.File("limited.db"));

        Assert.True(resumed.ExitCode == 0, $"exit {resumed.ExitCode}: {resumed.Stdout} {resumed.Stderr}");
        Assert.Contains("2 of 3 measurements finished, 1 to run", resumed.Stdout);
        var after = ResultsJson.Deserialize<RunResults>(File.ReadAllText(Path.Combine(temp.File("limited"), "results.json")));
        Assert.Equal("completed", after.Status);
        Assert.Equal((512, 64, 7u), (after.Options.TrainImages, after.Options.TestImages, after.Options.Seed));
        // The measurement the resumed process ran says what data it used: the run's limits and seed, not the defaults.
        var inference = Assert.Single(after.Measurements, m => m.Kind == MeasurementKind.Inference);
        Assert.Equal(MeasurementStatus.Ok, inference.Status);
        Assert.Equal("generated (seed 7, 512 train / 64 test)", inference.Dataset);
    }

    /// <summary>Starts the cheap run and SIGKILLs it as its fourth measurement starts (the third is stored by then).</summary>
    private static async Task<DateTimeOffset> RunUntilKilledAsync(string outDirectory, string db)
    {
        using var run = RunningVersus.Start(["run", .. Cheap, "--out", outDirectory, "--db", db]);
        await run.WaitForLineAsync("[4/5]", TimeSpan.FromMinutes(5));
        await run.KillAsync();
        return DateTimeOffset.UtcNow;
    }

    private static string Describe(RunResults run) => string.Join("; ", run.Measurements.Select(m => $"{m.Id} {m.Status} {m.Reason}"));

    /// <summary>Measurement ids without the run id, with their statuses, in order.</summary>
    private static List<(string, MeasurementStatus)> Shape(RunResults run) =>
        [.. run.Measurements.Select(m => (m.Id[(run.RunId.Length + 1)..], m.Status))];
}
