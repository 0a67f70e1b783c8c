using Versus.Core.Results;
using Versus.Store;
using Versus.Testing;

namespace Versus.Cli.Tests;

/// <summary>"versus run --resume" refuses what it cannot carry on, in one line each, exit 2, nothing run or stored.</summary>
public sealed class ResumeRefusalTests : IDisposable
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(120);
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task Should_RefuseInOneLine_When_TheRunIsUnknown()
    {
        var result = await VersusProcess.RunAsync(Limit, "run", "--resume", "20990101-nothing", "--db", temp.File("results.db"));

        AssertRefused(result, "--resume '20990101-nothing' is neither a run in");
    }

    [Fact]
    public async Task Should_RefuseInOneLine_When_TheRunAlreadyFinished()
    {
        var path = HandmadeRun.Write(HandmadeRun.Of("20990101-done", "completed", temp.File("done")));
        await VersusProcess.RunAsync(Limit, "import", path, "--db", temp.File("results.db"));

        var result = await VersusProcess.RunAsync(Limit, "run", "--resume", "20990101-done", "--db", temp.File("results.db"));

        AssertRefused(result, "which already finished (completed)");
    }

    [Fact]
    public async Task Should_NameTheChangedSetting_When_AnOptionGivenWithResumeDiffers()
    {
        HandmadeRun.Write(HandmadeRun.Of("20990101-cut", "cancelled", temp.File("cut"), threads: 1));

        var result = await VersusProcess.RunAsync(Limit, "run", "--resume", temp.File("cut"), "--threads", "2", "--seed", "42", "--db", temp.File("results.db"));

        AssertRefused(result, "--threads '2' differs from run 20990101-cut's '1'");
    }

    [Theory]
    [InlineData("--seed", "7", "'42'")]
    [InlineData("--epochs", "3", "'2'")]
    [InlineData("--train-images", "100", "'512'")]
    [InlineData("--test-images", "100", "'no limit'")]
    public async Task Should_NameTheOptionAndTheRunsValue_When_ADataOrTrainingOptionGivenWithResumeDiffers(string option, string value, string stored)
    {
        var run = HandmadeRun.Of("20990101-cut", "cancelled", temp.File("cut"));
        var path = HandmadeRun.Write(run with { Options = run.Options with { TrainImages = 512 } });
        var before = File.ReadAllText(path);

        var result = await VersusProcess.RunAsync(Limit, "run", "--resume", temp.File("cut"), option, value, "--db", temp.File("results.db"));

        AssertRefused(result, $"{option} '{value}' differs from run 20990101-cut's {stored}: a resumed run keeps the settings it began with");
        Assert.Equal(before, File.ReadAllText(path));
        await using var store = await SqliteResultStore.OpenAsync(temp.File("results.db"));
        Assert.Empty(await store.ListRunsAsync(5));
    }

    [Fact]
    public async Task Should_NameWhatChanged_When_TheWorkloadSpecOrEngineVersionChangedSinceTheRunBegan()
    {
        var run = HandmadeRun.Of("20990101-old", "running", temp.File("old"), parameters: 1234);
        HandmadeRun.Write(run);
        var before = File.ReadAllText(Path.Combine(temp.File("old"), "results.json"));

        var result = await VersusProcess.RunAsync(Limit, "run", "--resume", temp.File("old"), "--db", temp.File("results.db"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("workload small-cnn-28 changed since it began (parameters 1234 -> ", result.Stderr);
        Assert.Contains("engine torchsharp changed since it began ('TorchSharp 0.0.1, libtorch 0.1, cpu' -> 'TorchSharp 0.", result.Stderr);
        Assert.DoesNotContain("   at ", result.Stderr);
        Assert.Equal(before, File.ReadAllText(Path.Combine(temp.File("old"), "results.json")));
        await using var store = await SqliteResultStore.OpenAsync(temp.File("results.db"));
        Assert.Empty(await store.ListRunsAsync(5));
    }

    private static void AssertRefused(VersusProcess.Result result, string message)
    {
        Assert.True(result.ExitCode == 2, $"exit {result.ExitCode}: {result.Stdout} {result.Stderr}");
        var line = Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: ", line);
        Assert.Contains(message, line);
    }
}
