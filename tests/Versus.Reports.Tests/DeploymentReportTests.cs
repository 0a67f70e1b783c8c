using Versus.Core.Results;

namespace Versus.Reports.Tests;

public sealed class DeploymentReportTests
{
    private const string Heading = "Deployment";

    private static RunResults WithDeployment(params DeploymentRecord[] records) => SampleRun.OneEngine() with { Deployment = records };

    private static readonly DeploymentRecord Interop = new(DeploymentTarget.OnnxInterop, "torchsharp-to-onnxruntime", "small-cnn-28", DeploymentStatus.Passed,
        "ONNX Runtime reproduced TorchSharp's logits: max |diff| 5e-07 <= tolerance 0.0001.",
        [MetricRecord.Single(MetricNames.DeployInteropMaxDiff, "logit", 5e-7), MetricRecord.Single(MetricNames.DeployModelSize, "bytes", 4_800_000)]);

    private static readonly DeploymentRecord Server = new(DeploymentTarget.Server, "onnxruntime", "small-cnn-28", DeploymentStatus.Failed,
        "Kestrel on loopback: c8 3 errors.",
        [
            MetricRecord.Single(MetricNames.DeployServer(8, "throughput"), "requests/s", 640),
            MetricRecord.From(MetricNames.DeployServer(8, "latency"), "ms", [.. Enumerable.Range(1, 200).Select(i => 10 + i / 100.0)]),
            MetricRecord.Single(MetricNames.DeployServer(8, "errors"), "count", 3),
        ]);

    private static readonly DeploymentRecord Browser = new(DeploymentTarget.Browser, "tfjs, onnxruntime-web", "small-cnn-28", DeploymentStatus.NotExercised,
        "Not exercised: the Chromium probe (TensorFlow.js and onnxruntime-web) is not implemented yet.", []);

    private static readonly DeploymentRecord Tpu = new(DeploymentTarget.Tpu, "TensorFlow", DeploymentRecord.AnyWorkload, DeploymentStatus.Cited,
        "The deck rates TensorFlow 3/3 for TPU Support; not measured: Versus has no TPU engine.", [], "unattributed on the slide");

    [Fact]
    public void Should_ShowEachProbesStatusAndEvidenceBesideTheDecksScores_When_RecordsOfEveryStatusExist()
    {
        var report = new MarkdownReport().Render(WithDeployment(Interop, Server, Browser, Tpu));
        var table = RenderedTable.Under(report, Heading)!;

        var interop = table.Row(r => r[0] == "ONNX interop");
        Assert.Equal("passed", table.Cell(interop, "Status"));
        Assert.Contains("5e-07 <= tolerance", table.Cell(interop, "Evidence"), StringComparison.Ordinal);
        Assert.Equal("TensorFlow 2/3, PyTorch 3/3", table.Cell(interop, "Deck's score"));
        Assert.Equal("**FAILED**", table.Cell(table.Row(r => r[0] == "Server"), "Status"));
        Assert.Equal("not exercised", table.Cell(table.Row(r => r[0] == "Browser"), "Status"));
        var tpu = table.Row(r => r[0] == "TPU");
        Assert.Equal("cited, not measured", table.Cell(tpu, "Status"));
        Assert.Equal("TensorFlow 3/3, PyTorch 1/3", table.Cell(tpu, "Deck's score"));
        // Targets with no record still show the deck's score and say they were not run, so no target silently disappears.
        Assert.Equal("not run in this run", table.Cell(table.Row(r => r[0] == "Edge"), "Status"));
        Assert.Contains("No 0-3 score is derived from these probes", RenderedTable.Section(report, Heading), StringComparison.Ordinal);
    }

    [Fact]
    public void Should_WithholdP99AndCountErrors_When_ALoadLevelHadFewerThan662Requests()
    {
        var report = new MarkdownReport().Render(WithDeployment(Server));
        var table = RenderedTable.Under(report, "Serving over HTTP")!;

        var row = table.Row(r => r[2] == "8");
        Assert.Equal("`onnxruntime`", table.Cell(row, "Engine"));
        Assert.Equal("640 requests/s", table.Cell(row, "Throughput"));
        Assert.StartsWith("withheld", table.Cell(row, "p99"), StringComparison.Ordinal);
        Assert.Equal("3", table.Cell(row, "Errors"));
    }

    [Fact]
    public void Should_ShowOnlyTheDecksScores_When_NoProbeRan()
    {
        var report = new MarkdownReport().Render(SampleRun.OneEngine());
        var table = RenderedTable.Under(report, Heading)!;

        Assert.Equal(6, table.Rows.Count);
        Assert.All(table.Rows, r => Assert.Equal("not run in this run", table.Cell(r, "Status")));
        Assert.Contains("--no-deploy", RenderedTable.Section(report, Heading), StringComparison.Ordinal);
    }
}
