namespace Versus.Core.Results;

/// <summary>The metric names of results.json (docs/results.md explains each).</summary>
public static class MetricNames
{
    public const string TrainTotal = "train.total";
    public const string TrainEpoch = "train.epoch";
    public const string TrainStep = "train.step";
    public const string TrainThroughput = "train.throughput";
    public const string TrainTimeToAccuracy = "train.time-to-accuracy";
    public const string TrainFinalAccuracy = "train.final-accuracy";
    public const string TrainFinalLoss = "train.final-loss";
    public const string TrainGflops = "train.achieved-gflops";
    public const string TrainPeakShare = "train.peak-share";
    public const string TrainEpochs = "train.epochs";
    public const string TrainImages = "train.images";

    public const string ColdStart = "infer.cold-start";
    public const string ColdProcessStart = "infer.cold-start.process-start";
    public const string ColdEngineLoad = "infer.cold-start.engine-load";
    public const string ColdModelBuild = "infer.cold-start.model-build";
    public const string ColdFirstPrediction = "infer.cold-start.first-prediction";
    public const string ColdUnattributed = "infer.cold-start.unattributed";
    public const string ColdDataLoad = "infer.cold-start.data-load";
    public const string ColdWeightsCached = "infer.cold-start.weights-cached";
    public const string LatencyBatch1 = "infer.latency.batch1";
    public const string ThroughputBatchLatency = "infer.batch-latency";
    public const string Throughput = "infer.throughput";
    public const string InferGflops = "infer.achieved-gflops";
    public const string InferPeakShare = "infer.peak-share";

    public const string MatmulGflops = "machine.matmul-gflops";

    /// <summary>"machine.matmul-gflops.n1024": the peak at one size; <see cref="MatmulGflops"/> is the best size's.</summary>
    public static string MatmulGflopsAt(int size) => $"{MatmulGflops}.n{size}";

    public const string DeployModelSize = "deploy.model-size";
    public const string DeployInteropMaxDiff = "deploy.interop.max-abs-diff";
    public const string DeployEdgeLatency = "deploy.edge.latency.batch1";
    public const string DeployBrowserLatency = "deploy.browser.latency.batch1";
    public const string DeployBrowserLoad = "deploy.browser.load";
    public const string DeployBrowserMaxDiff = "deploy.browser.max-abs-diff";

    /// <summary>"deploy.server.c8.throughput": one name per load level, so levels stay apart in the metric list.</summary>
    public static string DeployServer(int concurrency, string figure) => $"deploy.server.c{concurrency}.{figure}";
}
