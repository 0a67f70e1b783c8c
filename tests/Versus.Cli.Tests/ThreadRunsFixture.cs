using System.Globalization;
using Versus.Core.Results;

namespace Versus.Cli.Tests;

/// <summary>
/// Three real quick runs of TorchSharp on depth-2 into one store, shared by the comparison end-to-end tests: --threads 1
/// twice (the same configuration) and --threads 2. About 15-40 s each on a 2-core machine, more when it is busy.
/// </summary>
public sealed class ThreadRunsFixture : IAsyncLifetime
{
    private readonly TempDirectory temp = new();

    public string Database => temp.File("results.db");

    public (VersusProcess.Result Process, RunResults? Results) OneThread { get; private set; }

    public (VersusProcess.Result Process, RunResults? Results) OneThreadAgain { get; private set; }

    public (VersusProcess.Result Process, RunResults? Results) TwoThreads { get; private set; }

    /// <summary>The highest one-minute load average seen around the runs: other work on the machine moves timings between runs.</summary>
    public double PeakLoad { get; private set; }

    public async Task InitializeAsync()
    {
        OneThread = await RunAsync("one", 1);
        OneThreadAgain = await RunAsync("one-again", 1);
        TwoThreads = await RunAsync("two", 2);
    }

    public Task DisposeAsync()
    {
        temp.Dispose();
        return Task.CompletedTask;
    }

    private async Task<(VersusProcess.Result, RunResults?)> RunAsync(string name, int threads)
    {
        SampleLoad();
        var folder = temp.File(name);
        var process = await VersusProcess.RunAsync(TimeSpan.FromMinutes(4), "run", "--engines", "torchsharp", "--workloads", "depth-2",
            "--quick", "--no-deploy", "--threads", threads.ToString(CultureInfo.InvariantCulture), "--out", folder, "--db", Database);
        SampleLoad();
        var file = Path.Combine(folder, "results.json");
        return (process, File.Exists(file) ? ResultsJson.Deserialize<RunResults>(await File.ReadAllTextAsync(file)) : null);
    }

    private void SampleLoad()
    {
        if (!File.Exists("/proc/loadavg")) return;
        var load = double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], CultureInfo.InvariantCulture);
        PeakLoad = Math.Max(PeakLoad, load);
    }
}
