using Versus.Core.Data;
using Versus.Core.Engines;
using Versus.Core.Measurement;
using Versus.Core.Models;
using Versus.Core.Results;

namespace Versus.Core.Tests.Measurement;

/// <summary>A measurement of the tiny network by a scripted worker, with budgets of about a second so a test runs it whole.</summary>
public static class ScriptedTask
{
    public static readonly MeasurementProfile FastProfile = MeasurementProfile.Quick with
    {
        RequestTimeout = TimeSpan.FromSeconds(10), WarmupDuration = TimeSpan.FromMilliseconds(100), LatencyBudget = TimeSpan.FromSeconds(1),
        ThroughputBudget = TimeSpan.FromSeconds(1), SteadyStateBudget = TimeSpan.FromSeconds(1), TrainCount = 256, TestCount = 64, Epochs = 1,
    };

    public static MeasurementTask For(MeasurementKind kind, WorkerLaunch launch, MeasurementProfile profile)
    {
        var read = ModelSpecReader.Read(TestSpecs.Tiny, "tiny.json");
        return new MeasurementTask($"r/scripted/tiny/{kind}", new ScriptedProvider(launch), launch, kind, read.Spec, read.Analysis,
            "unused.safetensors", new DataSource(DataSource.Generated, 7, 256, 64), 1, 7, profile);
    }
}
