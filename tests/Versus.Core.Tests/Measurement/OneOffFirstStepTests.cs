using Versus.Core.Measurement;
using Versus.Core.Results;

namespace Versus.Core.Tests.Measurement;

/// <summary>
/// A training whose first warm-up step alone outlasts warm-up's share of the budget (a third of 3 s here), as WebGL's
/// first step compiling its shaders did on a loaded CI machine (7.4 s for a 1.4 s step), is measured with the budget
/// started after that step; an engine whose every step is that slow is still skipped, from a warm step. The scripted
/// worker really sleeps the slow steps, so the budget's clock sees them.
/// </summary>
public sealed class OneOffFirstStepTests
{
    private static readonly MeasurementProfile Profile = ScriptedTask.FastProfile with
    {
        RequestTimeout = TimeSpan.FromSeconds(20), TrainingBudget = TimeSpan.FromSeconds(3), TrainingIntervalBudget = TimeSpan.FromSeconds(3),
    };

    /// <summary>
    /// The first <paramref name="slow"/> warm-up training calls sleep 1.2 s and say so; forward passes stay fast. Each
    /// training warm-up call adds a line to <paramref name="calls"/>.
    /// </summary>
    private static string SlowTrainWarmups(int slow, string calls) =>
        $$"""if [[ $line == *'"train"'* ]]; then echo >> '{{calls}}'; w=$((w + 1)); if (( w <= {{slow}} )); then sleep 1.2; r='{"ms":[1200]}'; fi; fi""";

    [Fact]
    public async Task Should_StartTheBudgetAfterIt_When_OnlyTheFirstWarmupStepIsSlow()
    {
        using var folder = new TempDirectory();
        var record = await MeasurementRunner.RunAsync(Task(ProtocolScript.Faulty("warmup", SlowTrainWarmups(slow: 1, folder.File("calls")))), new MachinePeaks(), CancellationToken.None);

        Assert.True(record.Status == MeasurementStatus.Ok, $"{record.Status}: {record.Reason}");
        Assert.Contains("the first warm-up step (1.2 s, taken as one-off work such as compiling kernels) was not counted against the 3 s training budget", record.Reason);
        var warmup = Assert.Single(record.Warmup!);
        Assert.True(warmup.Calls >= 2, $"{warmup.Calls} warm-up calls");
        Assert.Equal(1.5, warmup.LastCallMs);
        Assert.True(record.Metric(MetricNames.TrainStep)!.Samples.Count >= 8, "the whole epoch was timed");
    }

    [Fact]
    public async Task Should_SkipFromAWarmStep_When_EveryStepIsThatSlow()
    {
        using var folder = new TempDirectory();
        var calls = folder.File("calls");
        var record = await MeasurementRunner.RunAsync(Task(ProtocolScript.Faulty("warmup", SlowTrainWarmups(slow: 100, calls))), new MachinePeaks(), CancellationToken.None);

        Assert.Equal(MeasurementStatus.Skipped, record.Status);
        Assert.StartsWith("measured 1.2 s per training step in warm-up", record.Reason);
        Assert.EndsWith("; the first warm-up step (1.2 s, taken as one-off work such as compiling kernels) was not counted against the 3 s training budget", record.Reason);
        // The budget restarted once, after the first step; the second, as slow, decided.
        Assert.Equal(2, File.ReadAllLines(calls).Length);
    }

    [Fact]
    public async Task Should_KeepTheBudgetFromTheStart_When_TheFirstStepFitsWarmupsShare()
    {
        var record = await MeasurementRunner.RunAsync(Task(ProtocolScript.WellBehaved()), new MachinePeaks(), CancellationToken.None);

        Assert.True(record.Status == MeasurementStatus.Ok, $"{record.Status}: {record.Reason}");
        Assert.DoesNotContain("first warm-up step", record.Reason ?? "");
    }

    private static MeasurementTask Task(Versus.Core.Engines.WorkerLaunch launch) => ScriptedTask.For(MeasurementKind.Training, launch, Profile);
}
