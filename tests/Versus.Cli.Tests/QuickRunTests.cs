using Json.Schema;
using Versus.Core.Results;
using Versus.Store;

namespace Versus.Cli.Tests;

public sealed class QuickRunTests(QuickRunFixture run) : IClassFixture<QuickRunFixture>
{
    private string Context => $"exit {run.Result.ExitCode}\nfailed: {FailedReasons()}\nstderr:\n{run.Result.Stderr}\nstdout:\n{run.Result.Stdout}";

    private string FailedReasons()
    {
        var path = Path.Combine(run.OutDirectory, "results.json");
        if (!File.Exists(path)) return "no results.json";
        var results = ResultsJson.Deserialize<RunResults>(File.ReadAllText(path));
        return string.Join("; ", results.Measurements.Where(m => m.Status != MeasurementStatus.Ok).Select(m => $"{m.Id}: {m.Reason}"));
    }

    [Fact]
    public void Should_FinishEveryMeasurement_When_DefaultSuiteRunsQuick()
    {
        Assert.True(run.Result.ExitCode == 0, Context);
        var results = ResultsJson.Deserialize<RunResults>(File.ReadAllText(Path.Combine(run.OutDirectory, "results.json")));

        Assert.True(results.Status == "completed", Context);
        Assert.Equal(["small-cnn-28", "cnn-64", "depth-2", "depth-4", "depth-8", "depth-16"], results.Workloads.Select(w => w.Id));
        Assert.Equal(1 + 6 * 2, results.Measurements.Count);
        Assert.All(results.Measurements, m => Assert.Equal(MeasurementStatus.Ok, m.Status));
        Assert.All(results.Measurements, m => Assert.Equal("torchsharp", m.EngineInfo!.Id));
    }

    [Fact]
    public void Should_ValidateAgainstThePublishedSchema_When_Written()
    {
        var schema = JsonSchema.FromFile(RepoPaths.SchemaFile);
        using var document = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(run.OutDirectory, "results.json")));

        var evaluation = schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });

        Assert.True(evaluation.IsValid, string.Join("\n", (evaluation.Details ?? []).Where(d => d.Errors is not null)
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))));
    }

    [Fact]
    public void Should_RecordEveryFigureTheIssueAsksFor_When_Measured()
    {
        var results = ResultsJson.Deserialize<RunResults>(File.ReadAllText(Path.Combine(run.OutDirectory, "results.json")));
        var training = results.Measurements.First(m => m is { Workload: "small-cnn-28", Kind: MeasurementKind.Training });
        var inference = results.Measurements.First(m => m is { Workload: "small-cnn-28", Kind: MeasurementKind.Inference });

        foreach (var name in new[] { MetricNames.TrainTotal, MetricNames.TrainEpoch, MetricNames.TrainStep, MetricNames.TrainThroughput,
                     MetricNames.TrainFinalAccuracy, MetricNames.TrainGflops, MetricNames.TrainPeakShare })
            Assert.NotNull(training.Metric(name)?.Summary);
        Assert.NotNull(training.Metric(MetricNames.TrainTimeToAccuracy));
        foreach (var name in new[] { MetricNames.ColdStart, MetricNames.ColdProcessStart, MetricNames.ColdEngineLoad, MetricNames.ColdModelBuild,
                     MetricNames.ColdFirstPrediction, MetricNames.LatencyBatch1, MetricNames.Throughput, MetricNames.InferGflops })
            Assert.NotNull(inference.Metric(name)?.Summary);
        Assert.True(training.PeakRssBytes > 0);
        Assert.Contains("batch 64", training.Metric(MetricNames.TrainStep)!.Note);
        // Loss falls over the two quick epochs, and training beats chance on the generated data.
        var curve = training.Curve;
        Assert.True(curve.TakeLast(8).Average(p => p.Loss) < curve.Take(8).Average(p => p.Loss));
        Assert.True(training.Metric(MetricNames.TrainFinalAccuracy)!.Summary!.Median > 0.2);
    }

    [Fact]
    public async Task Should_StoreTheRunInSqlite_When_Finished()
    {
        await using var store = await SqliteResultStore.OpenAsync(run.Database);
        var runs = await store.ListRunsAsync(10);
        var stored = await store.LoadRunAsync(Assert.Single(runs).RunId);

        Assert.Equal("completed", stored!.Status);
        Assert.Equal(13, stored.Measurements.Count);
    }

    [Fact]
    public void Should_WriteTheDecksTables_When_ReportIsRendered()
    {
        var report = File.ReadAllText(Path.Combine(run.OutDirectory, "report.md"));

        Assert.Contains("measured here", report);
        Assert.Contains("cited (Novac et al., Sensors 2022)", report);
        Assert.Contains("small-cnn-28", report);
        Assert.Contains("depth-16", report);
    }

    [Fact]
    public async Task Should_ShowAndListTheRun_When_AskedLater()
    {
        var history = await VersusProcess.RunAsync(TimeSpan.FromSeconds(60), "history", "--db", run.Database);
        var runId = ResultsJson.Deserialize<RunResults>(File.ReadAllText(Path.Combine(run.OutDirectory, "results.json"))).RunId;
        var show = await VersusProcess.RunAsync(TimeSpan.FromSeconds(60), "show", runId[..10], "--db", run.Database, "--format", "json");

        Assert.Equal(0, history.ExitCode);
        Assert.Contains(runId, history.Stdout);
        Assert.Equal(0, show.ExitCode);
        Assert.Equal(runId, ResultsJson.Deserialize<RunResults>(show.Stdout).RunId);
    }
}
