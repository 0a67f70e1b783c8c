using Versus.Core.Deployment;
using Versus.Core.Engines;
using Versus.Core.Measurement;
using Versus.Core.Results;

namespace Versus.Deploy.Tests;

/// <summary>
/// The probes take engines by what they offer, never by name: an engine registered only in this test gets a row in
/// every target, each carrying its framework family, and the real engines keep theirs beside it.
/// </summary>
public sealed class DeploymentCapabilityTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task Should_YieldTheNewEnginesRowsInEveryTarget_When_OnlyItsCapabilitiesAreRegistered()
    {
        var context = TestEngines.Context(Workloads.Depth2(), temp.Path, Profile(), FakeEngine.Deployment);
        var started = new List<DeploymentTarget>();

        var records = await DeploymentSuite.RunAsync(context, started.Add, _ => Task.CompletedTask, CancellationToken.None);

        Assert.Equal(DeploymentProcessTargets, started);
        Assert.Equal(
            [
                (DeploymentTarget.OnnxInterop, "fake-to-fake", DeploymentStatus.Passed),
                (DeploymentTarget.Server, "fake", DeploymentStatus.Passed),
                (DeploymentTarget.Edge, "fake", DeploymentStatus.Passed),
                (DeploymentTarget.Edge, "fake-int8", DeploymentStatus.NotExercised),
                (DeploymentTarget.Browser, "fake (page)", DeploymentStatus.Passed),
            ],
            records.Select(r => (r.Target, r.Engine, r.Status)));
        Assert.All(records, r => Assert.Equal(FakeEngine.Family, r.Family));
        Assert.Equal(FakeEngine.Int8Reason, records[3].Evidence);
        // The evidence names the engine in its own words, where the real engines' rows say TorchSharp and ONNX Runtime.
        Assert.StartsWith("Fake trained 4 steps, exported to ONNX (opset 17", records[0].Evidence, StringComparison.Ordinal);
        Assert.Contains("Fake Runtime reproduced its logits on 16 test images", records[0].Evidence, StringComparison.Ordinal);
        Assert.Contains("+ the fake engine on loopback", records[1].Evidence, StringComparison.Ordinal);
        Assert.Contains("in headless Fake Browser 1.0", records[4].Evidence, StringComparison.Ordinal);
        Assert.Contains("reproduced Fake's logits", records[4].Evidence, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(temp.Path, "deploy", "depth-2.onnx")));
    }

    [Fact]
    public async Task Should_AppendTheNewEnginesServerRow_When_RegisteredAfterTheRealEngines()
    {
        var workload = Workloads.Depth2();
        var model = TestEngines.Exported(workload.Spec, workload.Weights, temp.Path);
        var context = TestEngines.Context(workload, temp.Path, Profile(), [.. TestEngines.Deployment, .. FakeEngine.Deployment]);

        var records = await ServerProbe.RunAsync(context, model, CancellationToken.None);

        // Rows that ran come in registration order, then the targets engines said they cannot reach here.
        Assert.Equal(["torchsharp", "onnxruntime", "fake", "tfjs (Node)"], records.Select(r => r.Engine));
        Assert.All(records.Take(3), r => Assert.True(r.Status == DeploymentStatus.Passed, r.Evidence));
        Assert.Equal(DeploymentStatus.NotExercised, records[3].Status);
        Assert.Equal([FrameworkFamily.PyTorch, FrameworkFamily.Onnx, FakeEngine.Family, FrameworkFamily.TensorFlow],
            records.Select(r => r.Family));
    }

    [Fact]
    public async Task Should_FailEveryRuntimesRowWithTheStage_When_TheExportFails()
    {
        // An exporter that fails after saying where it was: the row names that stage, for each runtime it would have met.
        IReadOnlyList<IDeploymentCapability> capabilities = [new FailingExporter(), .. FakeEngine.Deployment];
        var context = TestEngines.Context(Workloads.Depth2(), temp.Path, Profile(), capabilities);

        var (records, model) = await InteropProbe.RunAsync(context, CancellationToken.None);

        Assert.Equal(["broken-to-fake", "fake-to-fake"], records.Select(r => r.Engine));
        Assert.Equal(DeploymentStatus.Failed, records[0].Status);
        Assert.Equal("Failed while converting in Broken: NotSupportedException: no converter", records[0].Evidence);
        Assert.Equal(FrameworkFamily.PyTorch, records[0].Family);
        // The next exporter's file is what the other probes deploy, under a name of its own.
        Assert.Equal(Path.Combine(temp.Path, "deploy", "depth-2-fake.onnx"), model!.Path);
    }

    private static readonly DeploymentTarget[] DeploymentProcessTargets = [.. Isolation.DeploymentProcess.Targets];

    private static MeasurementProfile Profile() => MeasurementProfile.Quick with { LatencyBudget = TimeSpan.FromMilliseconds(300) };

    private sealed class FailingExporter : IOnnxExportCapability
    {
        public string Engine => "broken";

        public string Name => "Broken";

        public FrameworkFamily Family => FrameworkFamily.PyTorch;

        public Task<ExportedModel> ExportAsync(OnnxExportInput input, Action<string> stage, CancellationToken cancellationToken)
        {
            stage($"converting in {Name}");
            throw new NotSupportedException("no converter");
        }
    }
}
