using Versus.Core.Data;
using Versus.Core.Measurement;
using Versus.Core.Models;
using Versus.Core.Planning;
using Versus.Core.Results;
using Versus.Core.Tests.Measurement;

namespace Versus.Core.Tests.Planning;

/// <summary>A resumed suite runs only what its run had not finished, and hands on only what it ran now.</summary>
public sealed class SuiteRunnerResumeTests
{
    [Fact]
    public async Task Should_RunOnlyTheUnfinishedMeasurements_When_GivenTheFinishedOnes()
    {
        var read = ModelSpecReader.Read(TestSpecs.Tiny, "tiny.json");
        var profile = MeasurementProfile.Quick with
        {
            RequestTimeout = TimeSpan.FromSeconds(5), WarmupDuration = TimeSpan.FromMilliseconds(100), LatencyBudget = TimeSpan.FromSeconds(1),
            ThroughputBudget = TimeSpan.FromSeconds(1), SteadyStateBudget = TimeSpan.FromSeconds(1), TrainCount = 256, TestCount = 64, Epochs = 1,
        };
        MeasurementTask Task(string id, MeasurementKind kind, Versus.Core.Engines.WorkerLaunch launch) =>
            new(id, new ScriptedProvider(launch), launch, kind, read.Spec, read.Analysis, "unused.safetensors",
                new DataSource(DataSource.Generated, 7, 256, 64), 1, 7, profile);
        // The first worker would fail at once if it were started again: only a finished record may stand for it.
        var plan = new RunPlan("r", null!, [], [],
            [
                new PlannedMeasurement(Task("r/a", MeasurementKind.Training, ProtocolScript.Faulty("hello", "exit 9")), null),
                new PlannedMeasurement(Task("r/b", MeasurementKind.Inference, ProtocolScript.WellBehaved()), null),
            ], []);
        var finished = new MeasurementRecord("r/a", "scripted", null, "tiny", MeasurementKind.Training, MeasurementStatus.Ok, null, null,
            DateTimeOffset.UtcNow, DateTimeOffset.UtcNow, null, null, [], []);
        var started = new List<string>();
        var handed = new List<MeasurementRecord>();

        var ran = await SuiteRunner.RunAsync(plan, [finished], p => { started.Add(p.Task.Id); return System.Threading.Tasks.Task.CompletedTask; },
            r => { handed.Add(r); return System.Threading.Tasks.Task.CompletedTask; }, CancellationToken.None);

        Assert.Equal(["r/b"], started);
        Assert.Equal(["r/b"], handed.Select(r => r.Id));
        Assert.Equal(handed, ran);
        Assert.Equal(MeasurementStatus.Ok, handed[0].Status);
    }
}
