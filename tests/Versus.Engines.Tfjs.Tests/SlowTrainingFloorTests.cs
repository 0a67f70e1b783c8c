using Versus.Core.Measurement;
using Versus.Core.Models;
using Versus.Core.Planning;
using Versus.Core.Results;
using Versus.Engines.TorchSharp;

namespace Versus.Engines.Tfjs.Tests;

/// <summary>
/// The quick suite's shortcut for TensorFlow.js: once a workload's training is estimated beyond the budget, workloads
/// that do more work per step are skipped without launching Chromium again; cheaper ones and other engines still run.
/// </summary>
public sealed class SlowTrainingFloorTests
{
    private const string Reason = "estimated 19 s per training step";

    [Fact]
    public void Should_SkipACostlierWorkload_When_ACheaperOneWasEstimatedTooSlowOnTheSameEngine()
    {
        var floor = new SlowTrainingFloor();
        floor.Observe(Task(new TfjsEngineProvider(), TestSpecs.File("small-cnn-28.json")), Reason);

        var why = floor.WhyNot(Task(new TfjsEngineProvider(), TestSpecs.File("cnn-64.json")));

        Assert.NotNull(why);
        Assert.StartsWith("estimated from small-cnn-28: a training step here does ", why);
        Assert.EndsWith($"which was skipped on this engine ({Reason})", why);
        Assert.NotNull(floor.WhyNot(Task(new TfjsEngineProvider(), TestSpecs.File("depth.json", 16))));
    }

    [Fact]
    public void Should_StillRun_When_TheWorkloadIsCheaperOrTheEngineOrKindDiffers()
    {
        var floor = new SlowTrainingFloor();
        floor.Observe(Task(new TfjsEngineProvider(), TestSpecs.File("small-cnn-28.json")), Reason);

        Assert.Null(floor.WhyNot(Task(new TfjsEngineProvider(), TestSpecs.File("depth.json", 2))));
        Assert.Null(floor.WhyNot(Task(new TorchSharpEngineProvider(), TestSpecs.File("cnn-64.json"))));
        Assert.Null(floor.WhyNot(Task(new TfjsEngineProvider(), TestSpecs.File("cnn-64.json"), MeasurementKind.Inference)));
    }

    private static MeasurementTask Task(Versus.Core.Engines.IEngineProvider engine, ModelSpec spec, MeasurementKind kind = MeasurementKind.Training) =>
        new($"{engine.Id}/{spec.Id}/{kind}", engine, new Versus.Core.Engines.WorkerLaunch("unused", []), kind, spec,
            ModelAnalysis.Analyze(spec), null, null, 1, 1, MeasurementProfile.Quick);
}
