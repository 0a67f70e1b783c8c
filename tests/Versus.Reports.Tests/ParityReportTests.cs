using Versus.Core.Parity;
using Versus.Core.Results;

namespace Versus.Reports.Tests;

public sealed class ParityReportTests
{
    private static RunResults WithParity(params ParityCheck[] checks) => SampleRun.TwoEngines() with { Parity = checks };

    private static ParityCheck Forward(bool passed) =>
        new("small-cnn-28", "alpha", "beta", ParityKind.Forward, passed ? 3e-6 : 0.02, 1e-4, passed, 160, "max |logit difference|");

    [Fact]
    public void Should_MarkComparisonsInvalid_When_ParityFailed()
    {
        var report = new MarkdownReport().Render(WithParity(Forward(passed: false)));
        var table = RenderedTable.Under(report, "Comparisons between engines")!;

        var row = table.Row(r => r[0] == "small-cnn-28" && r[2] == MetricNames.TrainStep);

        Assert.Equal("INVALID: forward parity failed (max |diff| 0.02 > 0.0001)", table.Cell(row, "Parity"));
        var parity = RenderedTable.Under(report, "Parity")!;
        Assert.Contains("FAILED", parity.Cell(parity.Row(r => r[0] == "small-cnn-28"), "Result"), StringComparison.Ordinal);
    }

    [Fact]
    public void Should_NameTheTrainedState_When_ParityFailedOnlyThere()
    {
        var trained = Forward(passed: false) with { Weights = ParityWeights.Trained(16, "alpha") };
        var report = new MarkdownReport().Render(WithParity(Forward(passed: true) with { Weights = ParityWeights.Initial }, trained));
        var table = RenderedTable.Under(report, "Comparisons between engines")!;

        var row = table.Row(r => r[0] == "small-cnn-28" && r[2] == MetricNames.TrainStep);

        Assert.Equal("INVALID: forward parity on the state after 16 training steps in alpha failed (max |diff| 0.02 > 0.0001)",
            table.Cell(row, "Parity"));
        var parity = RenderedTable.Under(report, "Parity")!;
        Assert.Equal(["after 16 training steps in alpha", "initial"], parity.Rows.Select(r => parity.Cell(r, "Weights")));
    }

    [Fact]
    public void Should_SayParityPassed_When_EveryCheckPassed()
    {
        var report = new MarkdownReport().Render(WithParity(Forward(passed: true)));
        var table = RenderedTable.Under(report, "Comparisons between engines")!;

        Assert.Equal("parity passed", table.Cell(table.Row(r => r[0] == "small-cnn-28" && r[2] == MetricNames.TrainStep), "Parity"));
        // Parity is proven per workload and engine pair, so it covers every metric of that pair on that workload.
        Assert.All(table.Rows.Where(r => r[0] == "small-cnn-28"), r => Assert.Equal("parity passed", table.Cell(r, "Parity")));
    }

    [Fact]
    public void Should_SayNotChecked_When_OnlyAnotherWorkloadWasChecked()
    {
        var report = new MarkdownReport().Render(WithParity(Forward(passed: false) with { Workload = "cnn-64" }));
        var table = RenderedTable.Under(report, "Comparisons between engines")!;

        Assert.All(table.Rows.Where(r => r[0] == "small-cnn-28"), r => Assert.Equal("not checked", table.Cell(r, "Parity")));
    }

    [Fact]
    public void Should_ExplainNothingToCheck_When_OneEngine()
    {
        var report = new MarkdownReport().Render(SampleRun.OneEngine());

        Assert.Contains("nothing to check", RenderedTable.Section(report, "Parity"), StringComparison.Ordinal);
    }
}
