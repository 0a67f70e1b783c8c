using Versus.Core.Engines;
using Versus.Core.Results;

namespace Versus.Core.Measurement;

/// <summary>Cold-start parts collected over one or more fresh worker processes.</summary>
internal sealed class ColdStartSamples
{
    private readonly List<double> processStart = [], engineLoad = [], modelBuild = [], firstPrediction = [], total = [];

    public async Task<EngineInfo> MeasureAsync(WorkerSessionClient worker)
    {
        var hello = await worker.HelloAsync();
        var prepared = await worker.PrepareAsync();
        var first = await worker.PredictAsync([0]);
        var start = Math.Max(0, hello.MainEnteredUnixMs - (worker.Channel.SpawnedAt - DateTimeOffset.UnixEpoch).TotalMilliseconds);
        processStart.Add(start);
        engineLoad.Add(hello.EngineLoadMs);
        modelBuild.Add(prepared.BuildMs);
        firstPrediction.Add(first.Ms);
        total.Add(start + hello.EngineLoadMs + prepared.BuildMs + first.Ms);
        return hello.Engine;
    }

    public IEnumerable<MetricRecord> ToMetrics() =>
    [
        MetricRecord.From(MetricNames.ColdStart, "ms", total, "process start + engine load + model build + first prediction (dataset loading excluded)"),
        MetricRecord.From(MetricNames.ColdProcessStart, "ms", processStart, "spawn to the worker's entry point"),
        MetricRecord.From(MetricNames.ColdEngineLoad, "ms", engineLoad, "loading the engine's runtime, setting threads"),
        MetricRecord.From(MetricNames.ColdModelBuild, "ms", modelBuild, "building the model and loading the initial weights"),
        MetricRecord.From(MetricNames.ColdFirstPrediction, "ms", firstPrediction, "first batch-1 forward pass"),
    ];
}
