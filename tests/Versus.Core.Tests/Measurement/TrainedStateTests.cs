using Versus.Core.Data;
using Versus.Core.Measurement;
using Versus.Core.Models;
using Versus.Core.Parity;
using Versus.Core.Planning;
using Versus.Core.Results;

namespace Versus.Core.Tests.Measurement;

/// <summary>
/// The run's trained state for forward parity, with scripted workers: the reference trains and saves once, before the
/// inference measurement that loads it; a reference that cannot produce it, or an engine that cannot load it, costs
/// only that probe, said where it shows.
/// </summary>
public sealed class TrainedStateTests : IDisposable
{
    private static readonly MeasurementProfile Profile = MeasurementProfile.Quick with
    {
        RequestTimeout = TimeSpan.FromSeconds(10), WarmupDuration = TimeSpan.FromMilliseconds(100), LatencyBudget = TimeSpan.FromSeconds(1),
        ThroughputBudget = TimeSpan.FromSeconds(1), TrainCount = 256, TestCount = 64,
    };

    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public async System.Threading.Tasks.Task Should_ProbeEveryInferenceOnTheStateTheReferenceSaved_When_ItTrainedOnce()
    {
        var state = Plan(ProtocolScript.WellBehaved());
        var first = Inference(ProtocolScript.WellBehaved(), state, "first");
        var second = Inference(ProtocolScript.WellBehaved(), state, "second");

        var records = await Run(first, second);

        Assert.True(File.Exists(state.Path));
        Assert.All(records, r =>
        {
            Assert.True(r.Status == MeasurementStatus.Ok, r.Reason);
            Assert.Equal(ParityWeights.Trained(3, "scripted"), r.TrainedProbe!.Weights);
            Assert.Equal(16 * 10, r.TrainedProbe.Logits.Count);
            Assert.Equal(ParityWeights.Initial, r.Probe!.Weights);
        });
    }

    [Fact]
    public async System.Threading.Tasks.Task Should_ProbeTheStateTheReferencesTrainingSaved_When_ItsTrainingRanFirst()
    {
        var state = Plan(ProtocolScript.WellBehaved());
        var training = state.Producer with { SavesTrainedState = state };

        var records = await Run(training, Inference(ProtocolScript.WellBehaved(), state, "inference"));

        Assert.True(File.Exists(state.Path));
        Assert.All(records, r => Assert.True(r.Status == MeasurementStatus.Ok, r.Reason));
        Assert.Null(records[0].Reason);
        Assert.Equal(ParityWeights.Trained(3, "scripted"), records[1].TrainedProbe!.Weights);
    }

    [Fact]
    public async System.Threading.Tasks.Task Should_SayWhyWithoutTrainingAgain_When_TheReferencesTrainingWasSkipped()
    {
        var state = Plan(ProtocolScript.WellBehaved());
        var training = state.Producer with { SavesTrainedState = state };
        var plan = new RunPlan("r", null!, [], [],
            [new PlannedMeasurement(training, "estimated 9 s per training step"), new PlannedMeasurement(Inference(ProtocolScript.WellBehaved(), state, "inference"), null)], []);

        var records = await SuiteRunner.RunAsync(plan, _ => System.Threading.Tasks.Task.CompletedTask, _ => System.Threading.Tasks.Task.CompletedTask, CancellationToken.None);

        Assert.False(File.Exists(state.Path));
        Assert.Null(records[1].TrainedProbe);
        Assert.Contains("no forward parity on trained state: scripted's training was skipped: estimated 9 s per training step", records[1].Reason);
    }

    [Fact]
    public async System.Threading.Tasks.Task Should_KeepTheTimingsAndSaySo_When_TheReferenceCannotSave()
    {
        var state = Plan(ProtocolScript.Faulty("save", """echo "{\"id\":$id,\"ok\":false,\"error\":\"disk full\"}"; continue"""));
        var training = state.Producer with { SavesTrainedState = state };

        var records = await Run(training, Inference(ProtocolScript.WellBehaved(), state, "inference"));

        Assert.Equal(MeasurementStatus.Ok, records[0].Status);
        Assert.NotNull(records[0].Metric(MetricNames.TrainStep));
        Assert.Contains("trained state for forward parity not saved: ", records[0].Reason);
        Assert.Contains("disk full", records[0].Reason);
        Assert.Contains("scripted's training did not save it after 3 steps", records[1].Reason);
        Assert.False(File.Exists(state.Path + ".partial"));
    }

    [Fact]
    public async System.Threading.Tasks.Task Should_SayWhyAndProbeNothing_When_TheReferenceDiverges()
    {
        var nan = ProtocolScript.Reply("""{"stepMs":[1.5,1.5,1.5],"losses":[2.3,"NaN",2.3]}""");
        var state = Plan(ProtocolScript.Faulty("train", nan));

        var record = Assert.Single(await Run(Inference(ProtocolScript.WellBehaved(), state, "only")));

        Assert.Equal(MeasurementStatus.Ok, record.Status);
        Assert.Null(record.TrainedProbe);
        Assert.Contains("no forward parity on trained state: scripted's loss at training step 1 was NaN", record.Reason);
        Assert.False(File.Exists(state.Path));
    }

    [Fact]
    public async System.Threading.Tasks.Task Should_KeepTheTimingsAndFailOnlyTheProbe_When_AnEngineCannotLoadTheState()
    {
        var state = Plan(ProtocolScript.WellBehaved());
        var broken = ProtocolScript.Faulty("load", """echo "{\"id\":$id,\"ok\":false,\"error\":\"no tensor layers.0.weight\"}"; continue""");

        var record = Assert.Single(await Run(Inference(broken, state, "only")));

        Assert.Equal(MeasurementStatus.Ok, record.Status);
        Assert.NotNull(record.Metric(MetricNames.LatencyBatch1));
        Assert.Contains("no tensor layers.0.weight", record.TrainedProbe!.Problem);
        Assert.Empty(record.TrainedProbe.Logits);
    }

    private static async System.Threading.Tasks.Task<IReadOnlyList<MeasurementRecord>> Run(params MeasurementTask[] tasks)
    {
        var plan = new RunPlan("r", null!, [], [], [.. tasks.Select(t => new PlannedMeasurement(t, null))], []);
        return await SuiteRunner.RunAsync(plan, _ => System.Threading.Tasks.Task.CompletedTask, _ => System.Threading.Tasks.Task.CompletedTask, CancellationToken.None);
    }

    private TrainedStatePlan Plan(Versus.Core.Engines.WorkerLaunch reference) =>
        new(Task(MeasurementKind.Training, reference, "reference"), Path.Combine(temp.Path, "tiny.trained.safetensors"), 3);

    private static MeasurementTask Inference(Versus.Core.Engines.WorkerLaunch launch, TrainedStatePlan state, string id) =>
        Task(MeasurementKind.Inference, launch, id) with { TrainedState = state };

    private static MeasurementTask Task(MeasurementKind kind, Versus.Core.Engines.WorkerLaunch launch, string id)
    {
        var read = ModelSpecReader.Read(TestSpecs.Tiny, "tiny.json");
        return new MeasurementTask($"r/scripted/tiny/{id}", new ScriptedProvider(launch), launch, kind, read.Spec, read.Analysis,
            "unused.safetensors", new DataSource(DataSource.Generated, 7, 256, 64), 1, 7, Profile);
    }
}
