using System.Diagnostics;
using Versus.Core.Engines;
using Versus.Core.Protocol;

namespace Versus.Core.Tests.Protocol;

/// <summary>Real child processes (bash) playing well-behaved and broken workers.</summary>
public sealed class WorkerChannelTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    internal static WorkerLaunch Script(string body) => new("bash", ["-c", body]);

    [Fact]
    public async Task Should_ReturnTheResult_When_WorkerAnswers()
    {
        await using var channel = WorkerChannel.Start(Script("""read line; echo '{"id":1,"ok":true,"result":{"ms":[1.5,2.5]},"peakRssBytes":1234}'; read line"""));

        var result = await channel.SendAsync<TimingsResult>(Ops.Infer, new InferArgs(1, 2), Timeout, CancellationToken.None);

        Assert.Equal([1.5, 2.5], result.Ms);
        Assert.Equal(1234, channel.LastPeakRssBytes);
    }

    [Fact]
    public async Task Should_SendOneJsonLinePerRequest_When_Asked()
    {
        await using var channel = WorkerChannel.Start(Script("""read line; printf '{"id":1,"ok":true,"result":{"echo":%s}}\n' "$line"; read line"""));

        var result = await channel.SendAsync(Ops.Train, new TrainArgs(2, 5, 3, 42), Timeout, CancellationToken.None);

        var request = result["echo"]!;
        Assert.Equal("train", request["op"]!.GetValue<string>());
        Assert.Equal(1, request["id"]!.GetValue<long>());
        Assert.Equal(5, request["args"]!["firstStep"]!.GetValue<int>());
    }

    [Fact]
    public async Task Should_ReportExitCodeAndStderr_When_WorkerCrashes()
    {
        await using var channel = WorkerChannel.Start(Script("read line; echo 'native failure in libfoo' >&2; exit 3"));

        var fault = await Assert.ThrowsAsync<WorkerFaultException>(() => channel.SendAsync(Ops.Hello, new HelloArgs(1), Timeout, CancellationToken.None));

        Assert.Contains("exited (code 3) during 'hello'", fault.Message);
        Assert.Contains("native failure in libfoo", fault.Message);
    }

    [Fact]
    public async Task Should_KillTheWorker_When_ItHangsPastTheTimeout()
    {
        var channel = WorkerChannel.Start(Script("read line; sleep 60"));
        var pid = channel.ProcessId;
        var watch = Stopwatch.StartNew();

        var fault = await Assert.ThrowsAsync<WorkerFaultException>(() => channel.SendAsync(Ops.Train, null, TimeSpan.FromSeconds(1), CancellationToken.None));
        await channel.DisposeAsync();

        Assert.Contains("did not answer 'train' within 1 s and was killed", fault.Message);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20));
        Assert.Throws<ArgumentException>(() => Process.GetProcessById(pid));
    }

    [Fact]
    public async Task Should_FailTheMeasurement_When_WorkerWritesGarbage()
    {
        await using var channel = WorkerChannel.Start(Script("read line; echo 'Loading libtorch... done'; sleep 30"));

        var fault = await Assert.ThrowsAsync<WorkerFaultException>(() => channel.SendAsync(Ops.Prepare, null, Timeout, CancellationToken.None));

        Assert.Contains("broke the protocol", fault.Message);
        Assert.Contains("Loading libtorch... done", fault.Message);
    }

    [Fact]
    public async Task Should_FailTheMeasurement_When_ResponseIdDoesNotMatch()
    {
        await using var channel = WorkerChannel.Start(Script("""read line; echo '{"id":7,"ok":true,"result":{}}'; sleep 30"""));

        var fault = await Assert.ThrowsAsync<WorkerFaultException>(() => channel.SendAsync(Ops.Hello, null, Timeout, CancellationToken.None));

        Assert.Contains("expected a JSON response with id 1", fault.Message);
    }

    [Fact]
    public async Task Should_SayNull_When_WorkerSendsNullWhereANumberBelongs()
    {
        // What a Node worker writes for a NaN logit: JSON.stringify([1, NaN]) is "[1,null]".
        await using var channel = WorkerChannel.Start(Script("""read line; echo '{"id":1,"ok":true,"result":{"logits":[1.5,null],"ms":2}}'; sleep 30"""));

        var fault = await Assert.ThrowsAsync<WorkerFaultException>(() =>
            channel.SendAsync<PredictResult>(Ops.Predict, new PredictArgs([0]), Timeout, CancellationToken.None));

        Assert.StartsWith("worker answered 'predict' with null at logits[1] where a number belongs", fault.Message);
    }

    [Fact]
    public async Task Should_PassTheEngineError_When_WorkerReportsOne()
    {
        await using var channel = WorkerChannel.Start(Script("""read line; echo '{"id":1,"ok":false,"error":"out of memory in conv2d"}'; read line"""));

        var fault = await Assert.ThrowsAsync<WorkerFaultException>(() => channel.SendAsync(Ops.Train, null, Timeout, CancellationToken.None));

        Assert.Equal("engine failed 'train': out of memory in conv2d", fault.Message);
    }

    [Fact]
    public async Task Should_SayItCouldNotStart_When_ProgramIsMissing()
    {
        var fault = await Task.Run(() => Assert.Throws<WorkerFaultException>(() => WorkerChannel.Start(new WorkerLaunch("/nonexistent/versus-worker", []))));

        Assert.Contains("could not start worker '/nonexistent/versus-worker'", fault.Message);
    }
}
