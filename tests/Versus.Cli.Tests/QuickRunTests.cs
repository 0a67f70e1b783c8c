using Json.Schema;
using Versus.Core.Engines;
using Versus.Core.Measurement;
using Versus.Core.Results;
using Versus.Store;

namespace Versus.Cli.Tests;

[Collection(QuickRunCollection.Name)]
public sealed class QuickRunTests(QuickRunFixture run)
{
    private string Context => $"exit {run.Result.ExitCode}\nfailed: {FailedReasons()}\nstderr:\n{run.Result.Stderr}\nstdout:\n{run.Result.Stdout}";

    private string FailedReasons()
    {
        var path = Path.Combine(run.OutDirectory, "results.json");
        if (!File.Exists(path)) return "no results.json";
        var results = ResultsJson.Deserialize<RunResults>(File.ReadAllText(path));
        return string.Join("; ", results.Measurements.Where(m => m.Status != MeasurementStatus.Ok).Select(m => $"{m.Id}: {m.Reason}"));
    }

    private RunResults Results => ResultsJson.Deserialize<RunResults>(File.ReadAllText(Path.Combine(run.OutDirectory, "results.json")));

    [Fact]
    public void Should_FinishEveryMeasurement_When_DefaultSuiteRunsQuick()
    {
        Assert.True(run.Result.ExitCode == 0, Context);
        var results = Results;
        var engines = results.Engines.Where(e => e.Usable).Select(e => e.Id).ToList();

        Assert.True(results.Status == "completed", Context);
        Assert.Equal(["small-cnn-28", "cnn-64", "depth-2", "depth-4", "depth-8"], results.Workloads.Select(w => w.Id));
        Assert.Contains("torchsharp", engines);
        // One matrix-product peak per usable engine (each default engine can time one), then each workload's two kinds.
        Assert.Equal(engines, results.Measurements.Where(m => m.Kind == MeasurementKind.MachinePeak).Select(m => m.Engine));
        Assert.Equal(engines.Count + 5 * 2 * engines.Count, results.Measurements.Count);
        Assert.Contains("tfjs", results.Engines.Select(e => e.Id));
        // Every measurement ran, except training on an engine that cannot train, or whose steps do not fit the quick
        // budget (TensorFlow.js on a software GPU; on a loaded machine TorchSharp's cnn-64 too, 5.7 s a step with
        // oneDNN held to AVX2): skipped, and the reason says so with the estimate.
        Assert.All(results.Measurements, m => Assert.True(
            m.Status == MeasurementStatus.Ok || (m.Status == MeasurementStatus.Skipped && m.Kind == MeasurementKind.Training
                && (m.Reason!.Contains("cannot train") || m.Reason.Contains("training budget")
                    || (m.Engine == "tfjs" && m.Reason.StartsWith("estimated from", StringComparison.Ordinal)))),
            $"{m.Id}: {m.Status} {m.Reason}"));
        Assert.All(results.Measurements.Where(m => m.Status == MeasurementStatus.Ok), m => Assert.Equal(m.Engine, m.EngineInfo!.Id));
        // Every engine says what its thread count means (applied, configured, not controlled, not CPU threads).
        Assert.All(results.Measurements.Where(m => m.Status == MeasurementStatus.Ok), m => Assert.NotNull(m.EngineInfo!.ThreadControl));
    }

    [SkippableFact]
    public void Should_ProveParityBetweenEngines_When_SeveralEnginesRan()
    {
        var results = Results;
        var engines = results.Measurements.Where(m => m is { Kind: MeasurementKind.Inference, Status: MeasurementStatus.Ok }).Select(m => m.Engine).Distinct().ToList();
        Skip.If(engines.Count < 2, "only one engine is usable here");

        var forward = results.Parity!.Where(c => c.Kind == Versus.Core.Parity.ParityKind.Forward).ToList();

        // Twice per pair and workload: from the initial weights and from TorchSharp's state after a few training steps.
        Assert.Equal(2 * 5 * engines.Count * (engines.Count - 1) / 2, forward.Count);
        Assert.Equal(forward.Count / 2, forward.Count(c => c.Weights is { Regime: Versus.Core.Parity.ParityRegime.Trained, TrainedBy: "torchsharp" }));
        Assert.All(forward, c => Assert.True(c.Passed, $"{c.Workload} {c.EngineA} vs {c.EngineB}: {c.Reason}"));
    }

    [SkippableFact]
    public void Should_MeasureTensorFlowAgainstPyTorchTraining_When_DefaultSuiteRunsQuick()
    {
        var results = Results;
        Skip.IfNot(results.Engines.Single(e => e.Id == "tfjs").Usable, "tfjs is not usable here");
        bool Trained(string engine, string workload) => results.Measurements.Any(m =>
            m is { Kind: MeasurementKind.Training, Status: MeasurementStatus.Ok } && m.Engine == engine && m.Workload == workload);

        var compared = results.Workloads.Select(w => w.Id).Where(w => Trained("tfjs", w) && Trained("torchsharp", w)).ToList();

        Assert.True(compared.Count > 0, $"no workload has both TensorFlow.js and TorchSharp training measured\n{Context}");
    }

    [SkippableFact]
    public void Should_SayWhichTensorFlowAndWhichDevice_When_TfjsRan()
    {
        var tfjs = Results.Measurements.Where(m => m is { Engine: "tfjs", Status: MeasurementStatus.Ok }).ToList();
        Skip.If(tfjs.Count == 0, "no tfjs measurement ran here");

        Assert.All(tfjs, m => Assert.Matches(
            @"^TensorFlow\.js \d+\.\d+ (\(Keras layers API\)|on libtensorflow \(tfjs-node\))$", m.EngineInfo!.Framework));
        Assert.All(tfjs, m => Assert.False(string.IsNullOrWhiteSpace(EngineDevice.DescriptionOf(m.EngineInfo!))));
        Assert.All(tfjs, m => Assert.NotNull(EngineDevice.KindOf(m.EngineInfo!)));
        Assert.All(Results.Measurements.Where(m => m is { Engine: "torchsharp" or "onnxruntime", Status: MeasurementStatus.Ok }),
            m => Assert.Equal(DeviceKind.Cpu, EngineDevice.KindOf(m.EngineInfo!)));
    }

    /// <summary>
    /// Every engine times its own matrix product, and every share is of the best peak measured on its device (ONNX Runtime
    /// read 104-114% of libtorch's 1024x1024 product when that was "the peak"); a share still over 100% says the peak is
    /// no ceiling (ONNX Runtime's cnn-64 convolutions read 100-104% of its own product in quick runs here).
    /// </summary>
    [Fact]
    public void Should_ShareTheBestPeakOnItsDeviceAndFlagAnyShareAbove100_When_EveryEngineTimedItsOwn()
    {
        Assert.True(run.Result.ExitCode == 0, Context);
        var results = Results;
        var peaks = results.Measurements.Where(m => m is { Kind: MeasurementKind.MachinePeak, Status: MeasurementStatus.Ok }).ToList();
        Assert.Equal(["torchsharp", "tfjs", "onnxruntime"], peaks.Select(p => p.Engine));
        Assert.All(peaks, p => Assert.All(results.Options.Budgets!.MatmulSizes, n => Assert.NotNull(p.Metric(MetricNames.MatmulGflopsAt(n))?.Summary)));
        var best = peaks.GroupBy(p => (EngineDevice.KindOf(p.EngineInfo!), EngineDevice.DescriptionOf(p.EngineInfo!)))
            .ToDictionary(g => g.Key, g => g.Max(p => AttainablePeak.Of(p.Metric(MetricNames.MatmulGflops)!.Samples)));

        var shares = results.Measurements
            .Where(m => m.Status == MeasurementStatus.Ok && m.Kind != MeasurementKind.MachinePeak)
            .Select(m => (m, Share: m.Metric(m.Kind == MeasurementKind.Training ? MetricNames.TrainPeakShare : MetricNames.InferPeakShare)))
            .ToList();
        // A software GPU (WebGL on llvmpipe) runs its GPU API on the CPU: no peak is its own, and none is claimed.
        var software = shares.Where(s => EngineDevice.KindOf(s.m.EngineInfo!) == DeviceKind.SoftwareGpu).ToList();
        Assert.All(software, s => Assert.Contains("runs its GPU API on the CPU", s.Share?.Note ?? "", StringComparison.Ordinal));
        Assert.All(software, s => Assert.Null(s.Share?.Summary));
        var onCpu = shares.Except(software).ToList();
        Assert.Contains(onCpu, s => s.m.Engine == "torchsharp");
        Assert.Contains(onCpu, s => s.m.Engine == "onnxruntime");
        Assert.All(onCpu, s =>
        {
            // The share is of the best peak on the measurement's own device, whichever engine measured it.
            var device = EngineDevice.DescriptionOf(s.m.EngineInfo!)!;
            var peak = best[(EngineDevice.KindOf(s.m.EngineInfo!), device)];
            var achieved = s.m.Metric(s.m.Kind == MeasurementKind.Training ? MetricNames.TrainGflops : MetricNames.InferGflops)!;
            Assert.Contains(device, s.Share!.Note, StringComparison.Ordinal);
            var summary = s.Share.Summary;
            Assert.True(summary is not null, $"{s.m.Id}: no share of peak ({s.Share.Note})");
            // The peak is the best timed matrix product, not a ceiling (ONNX Runtime's cnn-64 convolutions read 100-104% of
            // it here): a share over 100% must say so.
            if (summary.Median > 1) Assert.EndsWith(PeakShare.AbovePeak, s.Share.Note, StringComparison.Ordinal);
            else Assert.DoesNotContain("above 100%", s.Share.Note, StringComparison.Ordinal);
            Assert.Equal(achieved.Samples[0] / peak, s.Share.Samples[0], 9);
        });
        Assert.NotNull(results.Environment.TheoreticalPeak);
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
        var results = Results;
        var training = results.Measurements.First(m => m is { Engine: "torchsharp", Workload: "small-cnn-28", Kind: MeasurementKind.Training });
        var inference = results.Measurements.First(m => m is { Engine: "torchsharp", Workload: "small-cnn-28", Kind: MeasurementKind.Inference });

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
        Assert.Equal(Results.Measurements.Count, stored.Measurements.Count);
    }

    [Fact]
    public void Should_WriteTheDecksTables_When_ReportIsRendered()
    {
        var report = File.ReadAllText(Path.Combine(run.OutDirectory, "report.md"));

        Assert.Contains("measured here", report);
        Assert.Contains("cited (Novac et al., Sensors 2022)", report);
        Assert.Contains("small-cnn-28", report);
        Assert.Contains("depth-8", report);
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
