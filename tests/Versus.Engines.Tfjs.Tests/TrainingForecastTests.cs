using Versus.Core.Measurement;
using Versus.Core.Models;
using Versus.Core.Planning;
using Versus.Core.Results;
using Versus.Engines.TorchSharp;

namespace Versus.Engines.Tfjs.Tests;

/// <summary>
/// The quick suite's shortcut for TensorFlow.js: once a workload's training is estimated beyond the budget, workloads
/// that do more work per step are skipped without launching Chromium again; cheaper ones and other engines still run;
/// and a workload predicted too slow at the fastest rate its engine trained an earlier one is skipped the same way.
/// </summary>
public sealed class TrainingForecastTests
{
    private const string Reason = "estimated 19 s per training step";

    [Fact]
    public void Should_SkipACostlierWorkload_When_ACheaperOneWasEstimatedTooSlowOnTheSameEngine()
    {
        var floor = new TrainingForecast();
        floor.ObserveSkipped(Task(new TfjsEngineProvider(), TestSpecs.File("small-cnn-28.json")), Reason);

        var why = floor.WhyNot(Task(new TfjsEngineProvider(), TestSpecs.File("cnn-64.json")));

        Assert.NotNull(why);
        Assert.StartsWith("estimated from small-cnn-28: a training step here does ", why);
        Assert.EndsWith($"which was skipped on this engine ({Reason})", why);
        Assert.NotNull(floor.WhyNot(Task(new TfjsEngineProvider(), TestSpecs.File("depth.json", 16))));
    }

    [Fact]
    public void Should_StillRun_When_TheWorkloadIsCheaperOrTheEngineOrKindDiffers()
    {
        var floor = new TrainingForecast();
        floor.ObserveSkipped(Task(new TfjsEngineProvider(), TestSpecs.File("small-cnn-28.json")), Reason);

        Assert.Null(floor.WhyNot(Task(new TfjsEngineProvider(), TestSpecs.File("depth.json", 2))));
        Assert.Null(floor.WhyNot(Task(new TorchSharpEngineProvider(), TestSpecs.File("cnn-64.json"))));
        Assert.Null(floor.WhyNot(Task(new TfjsEngineProvider(), TestSpecs.File("cnn-64.json"), MeasurementKind.Inference)));
    }

    [Fact]
    public void Should_SkipAWorkload_When_TheEnginesFastestEarlierRateMakesItsStepsTooSlow()
    {
        var forecast = new TrainingForecast();
        // small-cnn-28 trains 72,417,054 FLOP an image at batch 64 (4.63 GFLOP a step): 3.2 s a step is 1.45 GFLOP/s.
        var smallCnn = Task(new TfjsEngineProvider(), TestSpecs.File("small-cnn-28.json"));
        forecast.ObserveMeasured(smallCnn, Trained(smallCnn, 3_200));

        // cnn-64 trains 307,207,710 FLOP an image (19.66 GFLOP a step): about 13.6 s a step at that rate; 2 warm-up + 3
        // timed steps need about 68 s of the 20 s quick budget.
        var why = forecast.WhyNot(Task(new TfjsEngineProvider(), TestSpecs.File("cnn-64.json")));

        Assert.Equal("estimated 13.58 s per training step (a training step here does 19.66 GFLOP: about 13.58 s at the 1.45 GFLOP/s "
            + "this engine reached training small-cnn-28 (3.2 s a step), its fastest in this run): 2 warm-up + 3 timed steps would take "
            + "about 68 s, more than the 20 s training budget; run without --quick or with a smaller workload", why);
        // depth-2 does 0.72 GFLOP a step: about 0.5 s at that rate, so it still runs; so does TorchSharp's cnn-64.
        Assert.Null(forecast.WhyNot(Task(new TfjsEngineProvider(), TestSpecs.File("depth.json", 2))));
        Assert.Null(forecast.WhyNot(Task(new TorchSharpEngineProvider(), TestSpecs.File("cnn-64.json"))));
    }

    [Fact]
    public void Should_PredictFromTheFastestRate_When_TheEngineTrainedSeveralWorkloads()
    {
        var forecast = new TrainingForecast();
        var smallCnn = Task(new TfjsEngineProvider(), TestSpecs.File("small-cnn-28.json"));
        var depth2 = Task(new TfjsEngineProvider(), TestSpecs.File("depth.json", 2));
        // 4.63 GFLOP in 0.3 s (15.4 GFLOP/s) after 0.72 GFLOP in 0.7 s (1 GFLOP/s): cnn-64's 19.66 GFLOP take about 1.3 s.
        forecast.ObserveMeasured(depth2, Trained(depth2, 700));
        forecast.ObserveMeasured(smallCnn, Trained(smallCnn, 300));
        forecast.ObserveMeasured(depth2, Trained(depth2, 700));

        Assert.Null(forecast.WhyNot(Task(new TfjsEngineProvider(), TestSpecs.File("cnn-64.json"))));
    }

    private static MeasurementRecord Trained(MeasurementTask task, double stepMs)
    {
        double[] steps = [stepMs, stepMs, stepMs, stepMs];
        var metric = new MetricRecord(MetricNames.TrainStep, "ms", steps, Versus.Core.Statistics.SampleStatistics.Summarize(steps));
        return new MeasurementRecord(task.Id, task.Engine.Id, null, task.Workload, task.Kind, MeasurementStatus.Ok, null, Versus.Core.Statistics.StopReason.BudgetSpent,
            DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, null, "generated", [metric], []);
    }

    private static MeasurementTask Task(Versus.Core.Engines.IEngineProvider engine, ModelSpec spec, MeasurementKind kind = MeasurementKind.Training) =>
        new($"{engine.Id}/{spec.Id}/{kind}", engine, new Versus.Core.Engines.WorkerLaunch("unused", []), kind, spec,
            ModelAnalysis.Analyze(spec), null, null, 1, 1, MeasurementProfile.Quick);
}
