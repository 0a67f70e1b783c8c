using Versus.Core.Measurement;
using Versus.Core.Models;
using Versus.Core.Planning;
using Versus.Core.Results;

namespace Versus.Cli.Tests;

/// <summary>A worker that crashes, hangs or breaks the protocol fails its own measurement; the run goes on.</summary>
public sealed class FaultIsolationTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task Should_FailOnlyTheBrokenMeasurements_When_WorkersCrashHangOrSendGarbage()
    {
        var spec = """
            {"id":"tiny","input":{"channels":1,"height":28,"width":28},"classes":10,
             "training":{"optimizer":"sgd","learningRate":0.05,"momentum":0.9,"batchSize":32,"epochs":1},
             "layers":[{"type":"conv2d","out":4,"kernel":3,"stride":2},{"type":"relu"},{"type":"flatten"},{"type":"linear","out":10}]}
            """;
        var read = ModelSpecReader.Read(spec, "tiny.json");
        var engines = new Versus.Core.Engines.IEngineProvider[]
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
}
