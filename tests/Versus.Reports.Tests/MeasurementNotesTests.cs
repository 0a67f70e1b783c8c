using System.Text.Json;
using Versus.Core.Results;
using Versus.Reports.Json;

namespace Versus.Reports.Tests;

/// <summary>
/// A finished measurement's note stands beside its figures, a sample too small for an interval gets none, and the header
/// states every budget: in the report model, so every format shows them.
/// </summary>
public sealed class MeasurementNotesTests
{
    private static readonly RunResults Run = SampleRun.WithNotedTraining();
    private static readonly string Markdown = new MarkdownReport().Render(Run);

    [Fact]
    public void Should_ShowTheNoteBesideTheStepTime_When_AFinishedMeasurementCarriesOne()
    {
        var table = RenderedTable.Under(Markdown, "(b) Epoch and step time")!;

        var beta = table.Row(r => r[0] == "measured here" && r[1] == "`beta`");
        var alpha = table.Row(r => r[0] == "measured here" && r[1] == "`alpha`" && r[3] == "small-cnn-28");

        Assert.Equal($"**{SampleRun.InsufficientNote}**", table.Cell(beta, "Notes"));
        Assert.Equal("—", table.Cell(alpha, "Notes"));
    }

    [Fact]
    public void Should_WriteTheMedianWithoutInterval_When_ThreeStepsWereTimed()
    {
        var table = RenderedTable.Under(Markdown, "(b) Epoch and step time")!;

        var beta = table.Row(r => r[0] == "measured here" && r[1] == "`beta`");

        // Harrell-Davis on 3 values weighs them 7/27, 13/27, 7/27 (Beta(2, 2)): (7 x 25.1 + 13 x 26 + 7 x 27.3) / 27 = 26.104.
        Assert.Equal("26.10 ms (3 samples, no interval)", table.Cell(beta, "Step time, median [95% CI]"));
    }

    [Fact]
    public void Should_ShowTheNoteAndTheWarmupInTheDetails_When_AFinishedMeasurementCarriesThem()
    {
        var table = RenderedTable.Under(Markdown, "Measurements in detail")!;

        var row = table.Row(r => r[0] == "`beta-small-cnn-28-training`");

        Assert.Equal($"**{SampleRun.InsufficientNote}**", table.Cell(row, "Notes"));
        Assert.Equal("training: 2 calls in 5.6 s", table.Cell(row, "Warm-up"));
    }

    [Fact]
    public void Should_CarryTheNoteInTheReportModel_When_RenderedAsJson()
    {
        var json = new JsonReportRenderer().Render(new ReportComposer().Compose(Run), Run);

        // In the total-time table, the step table and the details: parsed back as strings, so no escaping can hide or fake a match.
        using var document = JsonDocument.Parse(json);
        var strings = Strings(document.RootElement).ToList();
        Assert.Equal(3, strings.Count(v => v == SampleRun.InsufficientNote));
    }

    private static IEnumerable<string> Strings(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => [element.GetString()!],
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Strings),
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Strings(p.Value)),
        _ => [],
    };

    [Fact]
    public void Should_StateEveryBudget_When_TheRunRecordedThem()
    {
        var table = RenderedTable.Under(Markdown, "Versus report: run `20261125-140000-a1b2`")!;

        Assert.Equal("batch-1 latency 3 s, throughput 6 s, training steady state 5 s, training 25 s (warm-up included), " +
            "matrix-product peak 3 s per size", table.Cell(table.Row(r => r[0] == "Budgets"), "Value"));
        Assert.Contains("at least 1 s and 20 calls before inference", table.Cell(table.Row(r => r[0] == "Warm-up"), "Value"), StringComparison.Ordinal);
        Assert.StartsWith("none under 10 samples", table.Cell(table.Row(r => r[0] == "Intervals"), "Value"), StringComparison.Ordinal);
    }

    [Fact]
    public void Should_SayOnlyTheLatencyBudgetWasRecorded_When_TheRunPredatesBudgets()
    {
        var markdown = new MarkdownReport().Render(SampleRun.TwoEngines());
        var table = RenderedTable.Under(markdown, "Versus report: run `20261125-140000-a1b2`")!;

        Assert.Equal("30 s per latency measurement (the run recorded no other budget)", table.Cell(table.Row(r => r[0] == "Budgets"), "Value"));
    }
}
