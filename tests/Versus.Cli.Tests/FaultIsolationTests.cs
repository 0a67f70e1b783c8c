using Spectre.Console.Cli;
using Versus.Cli.Commands;
using Versus.Core.Engines;
using Versus.Core.Measurement;
using Versus.Core.Models;
using Versus.Core.Parity;
using Versus.Core.Planning;
using Versus.Core.Results;
using Versus.Core.Tests.Measurement;

namespace Versus.Cli.Tests;

/// <summary>A worker that crashes, hangs or breaks the protocol fails its own measurement; the run goes on.</summary>
public sealed class FaultIsolationTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task Should_FailOnlyTheBrokenMeasurements_When_WorkersCrashHangOrSendGarbage()
    {
        var read = ModelSpecReader.Read(TestSpecs.Tiny, "tiny.json");
        var engines = new IEngineProvider[]
        {
            new ScriptedEngine("crasher", "read line; echo 'segmentation fault in libfake' >&2; exit 139"),
            new ScriptedEngine("hanger", "read line; sleep 120"),
            new ScriptedEngine("babbler", "read line; echo 'Welcome to FakeEngine 1.0'; sleep 120"),
            EngineCatalog.Find("torchsharp")!,
        };
        var profile = MeasurementProfile.Quick with { RequestTimeout = TimeSpan.FromSeconds(20), TrainCount = 256, TestCount = 64, Epochs = 1 };
        var settings = new RunSettings(engines, [new Workload(read.Spec!, read.Analysis!)], profile, 1, 7, null, temp.Path, ["tiny.json"]);
        var plan = await RunPlanner.PlanAsync(settings, SelfLaunch.Context(), CancellationToken.None);
        var stored = new List<MeasurementRecord>();

        var records = await SuiteRunner.RunAsync(plan, _ => Task.CompletedTask, r => { stored.Add(r); return Task.CompletedTask; }, CancellationToken.None);

        Assert.Equal(records, stored);
        MeasurementRecord Find(string engine, MeasurementKind kind) => records.Single(r => r.Engine == engine && r.Kind == kind);
        foreach (var kind in new[] { MeasurementKind.Training, MeasurementKind.Inference })
        {
            Assert.Equal(MeasurementStatus.Failed, Find("crasher", kind).Status);
            Assert.Contains("exited (code 139)", Find("crasher", kind).Reason);
            Assert.Contains("segmentation fault in libfake", Find("crasher", kind).Reason);
            Assert.Equal(MeasurementStatus.Failed, Find("hanger", kind).Status);
            Assert.Contains("did not answer 'hello' within 20 s and was killed", Find("hanger", kind).Reason);
            Assert.Equal(MeasurementStatus.Failed, Find("babbler", kind).Status);
            Assert.Contains("Welcome to FakeEngine 1.0", Find("babbler", kind).Reason);
            Assert.Equal(MeasurementStatus.Ok, Find("torchsharp", kind).Status);
        }
        Assert.Equal(MeasurementStatus.Ok, records.Single(r => r.Kind == MeasurementKind.MachinePeak).Status);
    }

    /// <summary>
    /// A fault after 'hello' (those before are above): the step, what the worker does there, the measurements of the
    /// faulty engine it fails, and what their stored reason says. The faulty engine is the parity reference, so its
    /// training also saves the trained state.
    /// </summary>
    public static TheoryData<string, string, string, string> MidMeasurementFaults => new()
    {
        { "prepare", "exit 3", "training,inference", "worker exited (code 3) during 'prepare'" },
        { "prepare", ProtocolScript.Reply("""{"dataMs":1,"trainCount":256,"testCount":64}"""), "training,inference",
            "worker answered 'prepare' with a result that does not match the protocol" },
        { "warmup", ProtocolScript.Reply("""{"ms":"fast"}"""), "training,inference", "worker answered 'warmup' with a result that does not match the protocol" },
        { "warmup", "kill -9 $$", "training,inference", "worker exited (code 137) during 'warmup'" },
        { "train", """r="{\"stepMs\":[$(rep $n 1.5)],\"losses\":[2.3]}" """, "training", "worker answered 'train' with 1 losses where the request asked for 8" },
        { "train", "exit 9", "training", "worker exited (code 9) during 'train'" },
        { "evaluate", ProtocolScript.Reply("""{"accuracy":0.5,"loss":null,"ms":3}"""), "training", "worker answered 'evaluate' with null at loss" },
        { "predict", ProtocolScript.Reply("""{"logits":[0.1],"ms":2}"""), "inference", "worker answered 'predict' with 1 logits where the request asked for 10" },
        { "infer", """r="{\"ms\":[$(rep $n '"NaN"')]}" """, "inference", "worker answered 'infer' with a result the protocol forbids: ms[0] is NaN" },
        { "infer", "exit 5", "inference", "worker exited (code 5) during 'infer'" },
        { "save", "exit 6", "training", "worker exited (code 6) during 'save'" },
        { "save", "echo 'saved!'; continue", "training", "worker broke the protocol answering 'save'" },
    };

    [Theory]
    [MemberData(nameof(MidMeasurementFaults))]
    public async Task Should_FailThatMeasurementAndCompleteWithFailures_When_AWorkerFaultsAfterHello(string op, string snippet, string failing, string reason)
    {
        var (exitCode, run) = await RunScriptedAsync(op, snippet);

        Assert.Equal(ExitCodes.SomeMeasurementsFailed, exitCode);
        Assert.Equal("completed-with-failures", run.Status);
        var failed = failing.Split(',');
        Assert.All(run.Measurements, m =>
        {
            var broken = m.Engine == "faulty" && failed.Contains(m.Kind.ToString().ToLowerInvariant());
            Assert.True(m.Status == (broken ? MeasurementStatus.Failed : MeasurementStatus.Ok), $"{m.Id}: {m.Status} {m.Reason}");
            if (broken) Assert.Contains(reason, m.Reason);
        });
        Assert.Equal(4, run.Measurements.Count);
        await AssertStoredAsync(run);
        Assert.True(File.Exists(Path.Combine(temp.File("out"), "report.md")));
        Assert.True(File.Exists(Path.Combine(temp.File("out"), "report.html")));
    }

    /// <summary>Loading the trained state comes after every timing: a fault there fails the trained parity probe, not the timings.</summary>
    [Theory]
    [InlineData("exit 7", "worker exited (code 7) during 'load'")]
    [InlineData("""r='{"buildMs":null}'""", "worker answered 'load' with null at buildMs")]
    public async Task Should_KeepTheTimingsAndStoreWhyTheTrainedProbeFailed_When_AWorkerFaultsAtLoad(string snippet, string reason)
    {
        var (exitCode, run) = await RunScriptedAsync("load", snippet);

        Assert.Equal(ExitCodes.Ok, exitCode);
        Assert.Equal("completed", run.Status);
        Assert.All(run.Measurements, m => Assert.True(m.Status == MeasurementStatus.Ok, $"{m.Id}: {m.Status} {m.Reason}"));
        var faulty = run.Measurements.Single(m => m is { Engine: "faulty", Kind: MeasurementKind.Inference });
        Assert.Contains(reason, faulty.TrainedProbe!.Problem);
        Assert.NotNull(faulty.Metric(MetricNames.LatencyBatch1));
        Assert.Null(run.Measurements.Single(m => m is { Engine: "steady", Kind: MeasurementKind.Inference }).TrainedProbe!.Problem);
        var trained = Assert.Single(run.Parity!, p => p.Kind == ParityKind.Forward && p.Weights?.Regime == ParityRegime.Trained);
        Assert.False(trained.Passed);
        var stored = await AssertStoredAsync(run);
        Assert.Equal(faulty.TrainedProbe.Problem, stored.Measurements.Single(m => m.Id == faulty.Id).TrainedProbe!.Problem);
        Assert.True(File.Exists(Path.Combine(temp.File("out"), "report.md")));
    }

    /// <summary>
    /// "versus run" in this process over two scripted engines, "faulty" (the parity reference, listed first) and
    /// "steady", on the tiny spec at the images the scripts report; returns its exit code and results.json.
    /// </summary>
    private async Task<(int ExitCode, RunResults Run)> RunScriptedAsync(string op, string snippet)
    {
        var spec = temp.File("tiny.json");
        await File.WriteAllTextAsync(spec, TestSpecs.Tiny);
        var engines = new IEngineProvider[]
        {
            new ScriptedEngine("faulty", ProtocolScript.Faulty(op, snippet).Arguments[1]),
            new ScriptedEngine("steady", ProtocolScript.WellBehaved().Arguments[1]),
        };
        var settings = new RunCommandSettings
        {
            Engines = "faulty,steady", Workloads = spec, Quick = true, NoDeploy = true, TrainImages = "256", TestImages = "64",
            Out = temp.File("out"), Db = temp.File("results.db"),
        };
        var exitCode = await new RunCommand(engines).ExecuteAsync(new CommandContext([], new NoArguments(), "run", null), settings, CancellationToken.None);
        return (exitCode, ResultsJson.Deserialize<RunResults>(await File.ReadAllTextAsync(Path.Combine(temp.File("out"), "results.json"))));
    }

    /// <summary>What "versus show" reads back from the store: the same final state and measurements as results.json.</summary>
    private async Task<RunResults> AssertStoredAsync(RunResults run)
    {
        var show = await VersusProcess.RunAsync(TimeSpan.FromSeconds(60), "show", run.RunId, "--format", "json", "--db", temp.File("results.db"));
        Assert.True(show.ExitCode == 0, show.Stderr);
        var stored = ResultsJson.Deserialize<RunResults>(show.Stdout);
        Assert.Equal(run.Status, stored.Status);
        Assert.Equal(run.Measurements.Select(m => (m.Id, m.Status, m.Reason)), stored.Measurements.Select(m => (m.Id, m.Status, m.Reason)));
        return stored;
    }

    private sealed class NoArguments : IRemainingArguments
    {
        public ILookup<string, string?> Parsed { get; } = Array.Empty<string>().ToLookup(a => a, a => (string?)a);

        public IReadOnlyList<string> Raw { get; } = [];
    }
}
