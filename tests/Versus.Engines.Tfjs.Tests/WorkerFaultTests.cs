using Versus.Core.Engines;
using Versus.Core.Measurement;
using Versus.Core.Models;
using Versus.Core.Results;

namespace Versus.Engines.Tfjs.Tests;

/// <summary>
/// A Node worker that dies mid-measurement fails that measurement, with the reason, and nothing else: the runner
/// returns a record instead of throwing, and the next measurement on the same engine runs normally.
/// </summary>
public sealed class WorkerFaultTests
{
    private static readonly MeasurementProfile Fast = MeasurementProfile.Quick with
    {
        LatencyBudget = TimeSpan.FromSeconds(0.5), ThroughputBudget = TimeSpan.FromSeconds(0.5), WarmupInferIterations = 2,
        WarmupDuration = TimeSpan.FromSeconds(0.2), RequestTimeout = TimeSpan.FromSeconds(60),
    };

    [SkippableFact]
    public async Task Should_FailOnlyThatMeasurement_When_TheNodeWorkerIsKilledMidTraining()
    {
        TfjsTestEnvironment.RequireEngine();
        Skip.IfNot(OperatingSystem.IsLinux(), "finds the worker's process through /proc");
        var spec = TestSpecs.File("small-cnn-28.json");
        var training = Task(new TfjsEngineProvider(), MeasurementKind.Training, spec, train: 512);

        var running = MeasurementRunner.RunAsync(training, new MachinePeaks(), CancellationToken.None);
        var pid = await WaitForWorkerAsync(running);
        // small-cnn-28 steps take seconds on the cpu backend: after a moment the worker is inside warm-up or training.
        await System.Threading.Tasks.Task.Delay(TimeSpan.FromSeconds(3));
        System.Diagnostics.Process.GetProcessById(pid).Kill();
        var failed = await running;

        var next = await MeasurementRunner.RunAsync(Task(TfjsEngineProvider.For("tfjs:wasm"), MeasurementKind.Inference, TestSpecs.Inline(TrainingSpecs.SgdFlatten), train: 16), new MachinePeaks(), CancellationToken.None);

        Assert.Equal(MeasurementStatus.Failed, failed.Status);
        Assert.Contains("exit", failed.Reason, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(MeasurementStatus.Ok, next.Status);
        Assert.Equal(16 * 10, next.Probe!.Logits.Count);
    }

    [SkippableTheory]
    [InlineData("/nonexistent/chromium", "VERSUS_CHROMIUM=/nonexistent/chromium does not exist")]
    [InlineData("/bin/false", "browserType.launch")]
    public async Task Should_FailOnlyThatMeasurementWithTheReason_When_ChromiumIsMissingOrCannotStart(string executable, string reason)
    {
        TfjsTestEnvironment.RequireEngine();
        var spec = TestSpecs.Inline(TrainingSpecs.SgdFlatten);
        var broken = Task(TfjsEngineProvider.For("tfjs:webgl"), MeasurementKind.Inference, spec, train: 16,
            new Dictionary<string, string> { [ChromiumBrowser.ExecutableVariable] = executable });

        var failed = await MeasurementRunner.RunAsync(broken, new MachinePeaks(), CancellationToken.None);
        var next = await MeasurementRunner.RunAsync(Task(TfjsEngineProvider.For("tfjs:wasm"), MeasurementKind.Inference, spec, train: 16), new MachinePeaks(), CancellationToken.None);

        Assert.Equal(MeasurementStatus.Failed, failed.Status);
        Assert.Contains(reason, failed.Reason);
        Assert.Equal(MeasurementStatus.Ok, next.Status);
    }

    private static MeasurementTask Task(TfjsEngineProvider engine, MeasurementKind kind, ModelSpec spec, int train, IReadOnlyDictionary<string, string>? environment = null)
    {
        var (_, weights) = TfjsTestEnvironment.Weights(spec);
        var launch = engine.CreateWorkerLaunch(new WorkerLaunchContext(new WorkerLaunch("unused", []))) with { Environment = environment };
        return new MeasurementTask($"{engine.Id}-{spec.Id}-{kind}", engine, launch, kind, spec, ModelAnalysis.Analyze(spec), weights,
            TfjsTestEnvironment.Generated(train, 32), 1, 5, Fast);
    }

    /// <summary>The node process this test process started for the measurement (its child running worker.js).</summary>
    private static async Task<int> WaitForWorkerAsync(Task measurement)
    {
        var self = Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        for (var attempt = 0; attempt < 200 && !measurement.IsCompleted; attempt++)
        {
            foreach (var directory in Directory.EnumerateDirectories("/proc"))
            {
                if (!int.TryParse(Path.GetFileName(directory), out var pid)) continue;
                try
                {
                    var stat = File.ReadAllText(Path.Combine(directory, "stat"));
                    var parent = stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1];
                    if (parent == self && File.ReadAllText(Path.Combine(directory, "cmdline")).Contains("worker.js", StringComparison.Ordinal)) return pid;
                }
                catch (IOException)
                {
                    // The process ended while it was being read.
                }
            }
            await System.Threading.Tasks.Task.Delay(50);
        }
        throw new InvalidOperationException("the measurement's node worker never appeared");
    }
}
