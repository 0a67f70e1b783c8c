using Versus.Core.Measurement;
using Versus.Core.Planning;
using Versus.Core.Results;

namespace Versus.Core.Tests.Measurement;

/// <summary>
/// A worker that goes wrong at any protocol step, after answering the earlier ones well, fails its own measurement
/// with a stored reason; nothing escapes the runner, and the suite runs the next measurement.
/// </summary>
public sealed class MidMeasurementFaultTests
{
    public static TheoryData<MeasurementKind, string, string, string> MalformedReplies => new()
    {
        { MeasurementKind.Training, "hello", """{"protocol":2,"mainEnteredUnixMs":0,"engineLoadMs":1,"pid":1}""", "answered 'hello' with a result that does not match the protocol" },
        { MeasurementKind.Training, "prepare", """{"dataMs":null,"buildMs":1,"trainCount":256,"testCount":64}""", "answered 'prepare' with null at dataMs" },
        { MeasurementKind.Training, "warmup", """{"ms":"fast"}""", "answered 'warmup' with a result that does not match the protocol" },
        { MeasurementKind.Training, "train", """{"stepMs":[1.5],"losses":[]}""", "answered 'train' with" },
        { MeasurementKind.Training, "train", """{"stepMs":[1.5,1.5,1.5,1.5,1.5,1.5,1.5,1.5]}""", "answered 'train' with a result that does not match the protocol" },
        { MeasurementKind.Training, "evaluate", """{"accuracy":"NaN","loss":1.2,"ms":3}""", "answered 'evaluate' with a result the protocol forbids: accuracy NaN" },
        { MeasurementKind.Inference, "predict", """{"logits":[0.1],"ms":2}""", "answered 'predict' with 1 logits where the request asked for" },
        { MeasurementKind.Inference, "infer", """{"ms":[-1]}""", "answered 'infer' with a result the protocol forbids: ms[0] is negative" },
        { MeasurementKind.Inference, "infer", """{"ms":[null]}""", "answered 'infer' with null at ms[0]" },
    };

    [Theory]
    [MemberData(nameof(MalformedReplies))]
    public async Task Should_FailOnlyThatMeasurementWithTheReason_When_AReplyBreaksTheProtocolMidMeasurement(
        MeasurementKind kind, string op, string reply, string reason)
    {
        var record = await MeasurementRunner.RunAsync(Task(kind, ProtocolScript.Faulty(op, ProtocolScript.Reply(reply))), new MachinePeaks(), CancellationToken.None);

        Assert.Equal(MeasurementStatus.Failed, record.Status);
        Assert.Contains(reason, record.Reason);
    }

    [Theory]
    [InlineData(MeasurementKind.Training, "train")]
    [InlineData(MeasurementKind.Training, "evaluate")]
    [InlineData(MeasurementKind.Inference, "predict")]
    [InlineData(MeasurementKind.Inference, "infer")]
    public async Task Should_FailWithTheExit_When_TheWorkerIsKilledMidMeasurement(MeasurementKind kind, string op)
    {
        var record = await MeasurementRunner.RunAsync(Task(kind, ProtocolScript.Faulty(op, "kill -9 $$")), new MachinePeaks(), CancellationToken.None);

        Assert.Equal(MeasurementStatus.Failed, record.Status);
        Assert.Contains($"exited (code 137) during '{op}'", record.Reason);
    }

    [Fact]
    public async Task Should_KillAndFail_When_TheWorkerHangsPastTheTimeoutMidMeasurement()
    {
        var record = await MeasurementRunner.RunAsync(Task(MeasurementKind.Training, ProtocolScript.Faulty("train", "sleep 60")), new MachinePeaks(), CancellationToken.None);

        Assert.Equal(MeasurementStatus.Failed, record.Status);
        Assert.Contains("did not answer 'train' within 10 s and was killed", record.Reason);
    }

    [Fact]
    public async Task Should_FailWithItsStderr_When_TheWorkerExhaustsItsMemoryLimit()
    {
        // ulimit -v caps the worker's address space at 60 MB; building a 400 MB string then fails inside the worker.
        // A generous timeout: on a busy machine the pipe may take seconds to fill that far, and a hang is another test.
        var snippet = """ulimit -v 60000; s=$(head -c 400000000 /dev/zero | tr '\0' x)""";
        var task = Task(MeasurementKind.Training, ProtocolScript.Faulty("train", snippet));

        var record = await MeasurementRunner.RunAsync(task with { Profile = task.Profile with { RequestTimeout = TimeSpan.FromSeconds(60) } }, new MachinePeaks(), CancellationToken.None);

        Assert.Equal(MeasurementStatus.Failed, record.Status);
        Assert.Contains("during 'train'", record.Reason);
        Assert.Contains("cannot allocate", record.Reason);
    }

    [Theory]
    [InlineData("null")]
    [InlineData("\"NaN\"")]
    [InlineData("\"Infinity\"")]
    public async Task Should_StopTrainingAsDiverged_When_ALossIsNotFinite(string loss)
    {
        // The third loss of the first timed chunk becomes non-finite (null: what JSON.stringify writes for NaN).
        var snippet = $$"""v='{{loss}}'; l=$(rep $n 2.3); l=${l/2.3,2.3,2.3/2.3,2.3,$v}; r="{\"stepMs\":[$(rep $n 1.5)],\"losses\":[$l]}" """;

        var record = await MeasurementRunner.RunAsync(Task(MeasurementKind.Training, ProtocolScript.Faulty("train", snippet)), new MachinePeaks(), CancellationToken.None);

        Assert.Equal(MeasurementStatus.Failed, record.Status);
        Assert.StartsWith("diverged at step 2 ", record.Reason);
    }

    [Fact]
    public async Task Should_RunTheNextMeasurement_When_OneFailsMidMeasurement()
    {
        var broken = Task(MeasurementKind.Training, ProtocolScript.Faulty("train", ProtocolScript.Reply("""{"stepMs":[1.5],"losses":[]}""")));
        var good = Task(MeasurementKind.Inference, ProtocolScript.WellBehaved()) with { Id = "good" };
        var plan = new RunPlan("r", null!, [], [], [new PlannedMeasurement(broken, null), new PlannedMeasurement(good, null)], []);
        var stored = new List<MeasurementRecord>();

        await SuiteRunner.RunAsync(plan, _ => System.Threading.Tasks.Task.CompletedTask, r => { stored.Add(r); return System.Threading.Tasks.Task.CompletedTask; }, CancellationToken.None);

        Assert.Equal([MeasurementStatus.Failed, MeasurementStatus.Ok], stored.Select(r => r.Status));
    }

    [Fact]
    public async Task Should_MeasureEveryStep_When_TheScriptedWorkerBehaves()
    {
        foreach (var kind in new[] { MeasurementKind.Training, MeasurementKind.Inference })
        {
            var record = await MeasurementRunner.RunAsync(Task(kind, ProtocolScript.WellBehaved()), new MachinePeaks(), CancellationToken.None);

            Assert.True(record.Status == MeasurementStatus.Ok, $"{kind}: {record.Status} {record.Reason}");
        }
    }

    [Theory]
    [InlineData(MeasurementKind.Training)]
    [InlineData(MeasurementKind.Inference)]
    public async Task Should_RecordTheDetailsThePrepareReplyAdds_When_TheBuiltModelRevealsThem(MeasurementKind kind)
    {
        var reply = ProtocolScript.Reply("""{"dataMs":1,"buildMs":1,"trainCount":256,"testCount":64,"details":{"dtype":"float16"}}""");

        var record = await MeasurementRunner.RunAsync(Task(kind, ProtocolScript.Faulty("prepare", reply)), new MachinePeaks(), CancellationToken.None);

        Assert.True(record.Status == MeasurementStatus.Ok, $"{record.Status} {record.Reason}");
        Assert.Equal("float16", record.EngineInfo!.Details["dtype"]);
    }

    private static MeasurementTask Task(MeasurementKind kind, Versus.Core.Engines.WorkerLaunch launch) =>
        ScriptedTask.For(kind, launch, ScriptedTask.FastProfile);
}
