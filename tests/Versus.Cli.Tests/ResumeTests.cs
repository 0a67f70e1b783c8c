using System.Diagnostics;
using System.Globalization;
using Versus.Core.Results;
using Versus.Store;
using Versus.Testing;

namespace Versus.Cli.Tests;

/// <summary>
/// A run killed with SIGKILL in the middle of its fourth measurement, resumed, ends with the same measurements (ids,
/// statuses) as an uninterrupted run and one report.
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

    /// <summary>Starts the cheap run and SIGKILLs it as its fourth measurement starts (the third is stored by then).</summary>
    private static async Task<DateTimeOffset> RunUntilKilledAsync(string outDirectory, string db)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in (string[])[Path.Combine(AppContext.BaseDirectory, "versus.dll"), "run", .. Cheap, "--out", outDirectory, "--db", db])
            info.ArgumentList.Add(a);
        using var process = Process.Start(info)!;
        _ = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        var seen = new List<string>();
        while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            seen.Add(line);
            if (line.StartsWith("[4/5]", StringComparison.Ordinal)) break;
        }
        Assert.True(seen.Count > 0 && seen[^1].StartsWith("[4/5]", StringComparison.Ordinal), string.Join('\n', seen));
        using (var kill = Process.Start("kill", ["-KILL", process.Id.ToString(CultureInfo.InvariantCulture)])) await kill.WaitForExitAsync();
        await process.WaitForExitAsync(timeout.Token);
        return DateTimeOffset.UtcNow;
    }

    private static string Describe(RunResults run) => string.Join("; ", run.Measurements.Select(m => $"{m.Id} {m.Status} {m.Reason}"));

    /// <summary>Measurement ids without the run id, with their statuses, in order.</summary>
    private static List<(string, MeasurementStatus)> Shape(RunResults run) =>
        [.. run.Measurements.Select(m => (m.Id[(run.RunId.Length + 1)..], m.Status))];
}
