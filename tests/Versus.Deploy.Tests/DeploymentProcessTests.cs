using Versus.Core.Engines;
using Versus.Core.Results;
using Versus.Deploy.Isolation;

namespace Versus.Deploy.Tests;

/// <summary>
/// The parent side of the deployment worker against real processes (bash scripts speaking the same JSON lines): the
/// records a worker sent before it died are kept, and every target it never reported becomes a failed record that says
/// what happened to the worker.
/// </summary>
public sealed class DeploymentProcessTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task Should_KeepTheFinishedRecordAndFailTheRestWithTheSignal_When_TheWorkerCrashesMidProbe()
    {
        var interop = new DeploymentRecord(DeploymentTarget.OnnxInterop, "torchsharp-to-onnxruntime", "depth-2", DeploymentStatus.Passed, "reproduced", []);
        var script = Script(
            Line(new DeploymentEvent(Starting: DeploymentTarget.OnnxInterop)),
            Line(new DeploymentEvent(Record: interop)),
            Line(new DeploymentEvent(Starting: DeploymentTarget.Server)),
            "echo 'Kestrel: native crash in the model server' >&2",
            "kill -SEGV $$");

        var (started, records) = await RunAsync(script, TimeSpan.FromSeconds(60));

        Assert.Equal([DeploymentTarget.OnnxInterop, DeploymentTarget.Server], started);
        Assert.Equal([DeploymentTarget.OnnxInterop, DeploymentTarget.Server, DeploymentTarget.Edge, DeploymentTarget.Browser], records.Select(r => r.Target));
        Assert.Equal(DeploymentStatus.Passed, records[0].Status);
        Assert.Equal("reproduced", records[0].Evidence);
        Assert.All(records.Skip(1), r =>
        {
            Assert.Equal(DeploymentStatus.Failed, r.Status);
            Assert.Equal(DeploymentProcess.WorkerEngine, r.Engine);
            Assert.Contains("exited with code 139 (SIGSEGV)", r.Evidence, StringComparison.Ordinal);
            Assert.Contains("native crash in the model server", r.Evidence, StringComparison.Ordinal);
        });
        Assert.Contains("while probing it", records[1].Evidence, StringComparison.Ordinal);
        Assert.Contains("before probing it", records[2].Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_KillTheWorkerAndSaySo_When_ItHangsPastTheTimeout()
    {
        var script = Script(Line(new DeploymentEvent(Starting: DeploymentTarget.OnnxInterop)), "sleep 60");

        var (_, records) = await RunAsync(script, TimeSpan.FromSeconds(1));

        Assert.Equal(4, records.Count);
        Assert.All(records, r => Assert.Contains("did not finish within", r.Evidence, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Should_QuoteTheLine_When_TheWorkerWritesSomethingElse()
    {
        var (_, records) = await RunAsync(Script("echo 'Segmentation fault (core dumped)'"), TimeSpan.FromSeconds(60));

        Assert.All(records, r => Assert.Contains("not an event: 'Segmentation fault (core dumped)'", r.Evidence, StringComparison.Ordinal));
    }

    private static string Line(DeploymentEvent e) => $"echo '{ResultsJson.SerializeLine(e)}'";

    private string Script(params string[] lines)
    {
        var path = temp.File($"worker-{Guid.NewGuid():N}.sh");
        File.WriteAllText(path, "#!/usr/bin/env bash\n" + string.Join("\n", lines) + "\n");
        return path;
    }

    private static async Task<(List<DeploymentTarget> Started, List<DeploymentRecord> Records)> RunAsync(string script, TimeSpan timeout)
    {
        var started = new List<DeploymentTarget>();
        var records = new List<DeploymentRecord>();
        await DeploymentProcess.RunAsync(new WorkerLaunch("bash", [script]), "depth-2", started.Add,
            r => { records.Add(r); return Task.CompletedTask; }, timeout, CancellationToken.None);
        return (started, records);
    }
}
