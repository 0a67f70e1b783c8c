using Versus.Core.Results;

namespace Versus.Reports.Tests;

public sealed class WorkloadsReportTests
{
    [Fact]
    public void Should_NameEachWorkloadByItsFileInputSizeAndCost_When_OneIsAnImportedModel()
    {
        var resnet = new WorkloadRecord("resnet18", "imported from resnet18.onnx", "3x224x224", 1000, 11_689_512, 3_628_146_688,
            3 * 3_628_146_688L, 32, 32, 1, "sgd", "generated", "/home/me/models/resnet18.onnx");
        var run = SampleRun.OneEngine() with { Workloads = [.. SampleRun.OneEngine().Workloads, resnet] };

        var report = new MarkdownReport().Render(run);

        var table = RenderedTable.Under(report, "Workloads")!;
        var row = table.Row(r => r[0] == "resnet18");
        Assert.Equal("resnet18.onnx", table.Cell(row, "From"));
        Assert.Equal("3x224x224", table.Cell(row, "Input"));
        Assert.Equal("1,000", table.Cell(row, "Classes"));
        Assert.Equal("11,689,512", table.Cell(row, "Parameters"));
        Assert.Equal("3.63", table.Cell(row, "Forward GFLOP"));
        Assert.Equal("small-cnn-28.json", table.Cell(table.Row(r => r[0] == "small-cnn-28"), "From"));
        // 2.4 MFLOP is shown to four decimals of a GFLOP rather than rounded to zero.
        Assert.Equal("0.0024", table.Cell(table.Row(r => r[0] == "small-cnn-28"), "Forward GFLOP"));
    }
}
