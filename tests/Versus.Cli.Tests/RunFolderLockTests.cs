using Versus.Cli.Output;
using Versus.Core.Results;
using Versus.Store;

namespace Versus.Cli.Tests;

/// <summary>
/// One writer per run folder, between real processes: a resume (or a new run into the same --out) while another process
/// writes the folder is refused in one line naming the folder and that process, exit 2; the run.lock of a killed run
/// does not stop its resume.
/// </summary>
public sealed class RunFolderLockTests : IDisposable
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(2);
    // Three workloads (about 15 s of ONNX Runtime measurements): the original run, and later the resume, must still be
    // writing while the test starts its rival processes, each a second or more on a busy machine.
    private static readonly string[] Cheap = ["--engines", "onnxruntime", "--workloads", "depth-2,depth-4,depth-8", "--quick", "--no-deploy"];
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task Should_RefuseASecondWriterNamingTheProcess_When_TheRunFolderIsBeingWritten()
    {
        var folder = temp.File("run");
        var db = temp.File("results.db");
        using (var original = RunningVersus.Start(["run", .. Cheap, "--out", folder, "--db", db]))
        {
            await original.WaitForLineAsync("[1/7]", Limit);

            var resume = await VersusProcess.RunAsync(Limit, "run", "--resume", folder, "--db", db);
            var rival = await VersusProcess.RunAsync(Limit, ["run", .. Cheap, "--out", folder, "--db", db]);

            AssertRefused(resume, $"--resume '{folder}' cannot be resumed now: process {original.Id} is writing run ", $" in {folder} ");
            AssertRefused(rival, $"--out '{folder}' is being written by another run: process {original.Id} holds its run.lock");
            await original.KillAsync();
            Assert.Equal($"{original.Id}\n", File.ReadAllText(Path.Combine(folder, RunFolderLock.FileName)));
        }
        var runId = ResultsJson.Deserialize<RunResults>(File.ReadAllText(Path.Combine(folder, "results.json"))).RunId;

        // The killed run's lock, its pid still inside, is taken over; two resumes at once get one writer.
        using var resumer = RunningVersus.Start("run", "--resume", folder, "--db", db);
        await resumer.WaitForLineAsync($"Resuming run {runId}", Limit);
        var second = await VersusProcess.RunAsync(Limit, "run", "--resume", runId, "--db", db);
        var finished = await resumer.WaitForExitAsync(Limit);

        AssertRefused(second, $"--resume '{runId}' cannot be resumed now: process {resumer.Id} is writing run {runId} in {folder} ");
        Assert.True(finished.ExitCode == 0, $"exit {finished.ExitCode}: {finished.Stdout} {finished.Stderr}");
        var after = ResultsJson.Deserialize<RunResults>(File.ReadAllText(Path.Combine(folder, "results.json")));
        Assert.Equal("completed", after.Status);
        Assert.Equal(7, after.Measurements.Count);
        Assert.Equal("", File.ReadAllText(Path.Combine(folder, RunFolderLock.FileName)));
        await using var store = await SqliteResultStore.OpenAsync(db);
        Assert.Equal(7, (await store.LoadRunAsync(runId))!.Measurements.Count);
    }

    private static void AssertRefused(VersusProcess.Result result, params string[] parts)
    {
        Assert.True(result.ExitCode == 2, $"exit {result.ExitCode}: {result.Stdout} {result.Stderr}");
        var line = Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: ", line);
        foreach (var part in parts) Assert.Contains(part, line);
        Assert.DoesNotContain("Resuming run", result.Stdout);
    }
}
