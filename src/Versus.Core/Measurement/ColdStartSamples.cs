using System.Diagnostics;
using Versus.Core.Engines;
using Versus.Core.Results;

namespace Versus.Core.Measurement;

/// <summary>
/// Cold start over one or more fresh worker processes. The total is the parent's own clock from spawn to the first
/// prediction's result, so a part the worker does not time (its runtime starting, the pipe, JSON) cannot hide: it
/// shows as the unattributed remainder. Only the dataset load is taken out, as the worker timed it: it is the
/// harness's work, not the engine's, and differs by worker language, so it would blur the comparison.
/// </summary>
internal sealed class ColdStartSamples
{
    private readonly List<double> processStart = [], engineLoad = [], modelBuild = [], firstPrediction = [], total = [],
        unattributed = [], dataLoad = [];
    private readonly List<double?> weightsCached = [];

    public async Task<EngineInfo> MeasureAsync(WorkerSessionClient worker)
    {
        var hello = await worker.HelloAsync();
        var prepared = await worker.PrepareAsync();
        var first = await worker.PredictAsync([0]);
        var elapsed = Stopwatch.GetElapsedTime(worker.Channel.SpawnTimestamp).TotalMilliseconds;
        // The worker's wall clock at its entry point against the parent's at spawn: the same system clock on one machine.
        var start = Math.Max(0, hello.MainEnteredUnixMs - (worker.Channel.SpawnedAt - DateTimeOffset.UnixEpoch).TotalMilliseconds);
        var coldStart = elapsed - prepared.DataMs;
        processStart.Add(start);
        engineLoad.Add(hello.EngineLoadMs);
        modelBuild.Add(prepared.BuildMs);
        firstPrediction.Add(first.Ms);
        dataLoad.Add(prepared.DataMs);
        total.Add(coldStart);
        // Not clamped: a negative remainder would mean a part was counted twice, and must show.
        unattributed.Add(coldStart - (start + hello.EngineLoadMs + prepared.BuildMs + first.Ms));
        weightsCached.Add(worker.WeightsCachedAtSpawn);
        return hello.Engine.WithDetails(prepared.Details);
    }

    public IEnumerable<MetricRecord> ToMetrics()
    {
        var metrics = new List<MetricRecord>
        {
            MetricRecord.From(MetricNames.ColdStart, "ms", total,
                "spawn to the first prediction's result on the parent's clock, less the worker's dataset load; one sample per fresh process"),
            MetricRecord.From(MetricNames.ColdProcessStart, "ms", processStart, "spawn to the worker's entry point"),
            MetricRecord.From(MetricNames.ColdEngineLoad, "ms", engineLoad, "loading the engine's runtime, setting threads"),
            MetricRecord.From(MetricNames.ColdModelBuild, "ms", modelBuild, "reading the weight file and building the model with those weights"),
            MetricRecord.From(MetricNames.ColdFirstPrediction, "ms", firstPrediction, "first batch-1 forward pass"),
            MetricRecord.From(MetricNames.ColdUnattributed, "ms", unattributed,
                "cold start less its four parts: pipe and JSON, and the worker's work between its timed parts"),
            MetricRecord.From(MetricNames.ColdDataLoad, "ms", dataLoad, "the worker's dataset load, excluded from cold start"),
        };
        if (weightsCached.All(c => c is not null))
        {
            metrics.Add(MetricRecord.From(MetricNames.ColdWeightsCached, "ratio", [.. weightsCached.Select(c => c!.Value)],
                "share of the weight file in the page cache at spawn, per trial (0: read from disk; it is dropped from the cache " +
                "before each trial); the runtime's own libraries stay cached after the run's first worker"));
        }
        return metrics;
    }
}
