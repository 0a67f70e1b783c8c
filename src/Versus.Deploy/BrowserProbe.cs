using System.Globalization;
using Versus.Core.Deployment;
using Versus.Core.Parity;
using Versus.Core.Results;
using Versus.Core.Statistics;

namespace Versus.Deploy;

/// <summary>
/// The browser target, exercised: every <see cref="IBrowserCapability"/> runs the trained model in a headless browser
/// page from local files (here the TensorFlow.js worker's Chromium: the model as a TensorFlow.js layers model and the
/// exported ONNX file through onnxruntime-web). Each runtime must reproduce the training engine's logits on the compared
/// test images within the parity tolerance; batch-1 latency is timed in the page. One record per runtime; a runtime that
/// fails, or a page that cannot start (no Chromium), is a failed or not-exercised record.
/// </summary>
public static class BrowserProbe
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    public static async Task<IReadOnlyList<DeploymentRecord>> RunAsync(DeploymentContext context, ExportedModel? model,
        CancellationToken cancellationToken)
    {
        var records = new List<DeploymentRecord>();
        foreach (var browser in context.Offered<IBrowserCapability>())
            records.AddRange(await RunAsync(context, model, browser, cancellationToken));
        records.AddRange(context.Gaps(DeploymentTarget.Browser));
        return records;
    }

    private static async Task<IReadOnlyList<DeploymentRecord>> RunAsync(DeploymentContext context, ExportedModel? model,
        IBrowserCapability browser, CancellationToken cancellationToken)
    {
        var workload = context.Spec.Id;
        DeploymentRecord[] Each(DeploymentStatus status, string why) =>
        [
            .. browser.Runtimes.Select(r =>
                new DeploymentRecord(DeploymentTarget.Browser, r.Engine, workload, status, why, [], Family: r.Family)),
        ];

        if (model is null)
        {
            return Each(DeploymentStatus.Failed,
                "Not measured: the ONNX export and trained weights it would deploy failed (see the onnx-interop row).");
        }
        if (await browser.WhyUnavailableAsync(cancellationToken) is { } unavailable)
            return Each(DeploymentStatus.NotExercised, $"Not exercised: {unavailable}.");
        try
        {
            var run = await browser.RunAsync(Input(context, model), Timeout, cancellationToken);
            return [.. run.Runs.Select(r => Record(context, model, r, run.Browser))];
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return
            [
                .. browser.Runtimes.Select(r =>
                    InteropProbe.Failed(DeploymentTarget.Browser, r.Engine, r.Family, workload, "running the browser probe", e)),
            ];
        }
    }

    private static BrowserInput Input(DeploymentContext context, ExportedModel model)
    {
        var directory = Path.Combine(context.OutDirectory, "deploy", "browser-" + context.Spec.Id);
        var images = InteropProbe.ScaledImages(context, [.. Enumerable.Range(0, model.ReferenceImages)]);
        return new BrowserInput(context.Spec, model, images, model.ReferenceImages, context.Threads,
            WarmupMs: context.Quick ? 500 : 2000, BudgetMs: context.Profile.LatencyBudget.TotalMilliseconds,
            MaxSamples: context.Profile.MaxSamples, directory);
    }

    private static DeploymentRecord Record(DeploymentContext context, ExportedModel model, BrowserRuntimeRun run, string browser)
    {
        var workload = context.Spec.Id;
        var (engine, family) = (run.Runtime.Engine, run.Runtime.Family);
        var size = MetricRecord.Single(MetricNames.DeployModelSize, "bytes", run.ArtifactBytes, run.ArtifactNote);
        if (!run.Ok || run.Logits is null || run.Samples is null)
        {
            return new(DeploymentTarget.Browser, engine, workload, DeploymentStatus.Failed,
                $"Failed in {browser}: {run.Error ?? "no logits or timings came back"}", [size], Family: family);
        }
        var indices = Enumerable.Range(0, model.ReferenceImages).ToArray();
        var classes = context.Spec.Classes;
        var outcome = LogitComparison.Compare(new ParityProbe(indices, classes, model.ReferenceLogits),
            new ParityProbe(indices, classes, run.Logits), model.Reference, run.RuntimeName ?? engine);
        if (outcome.MaxAbsDifference is not { } maxDiff)
        {
            return new(DeploymentTarget.Browser, engine, workload, DeploymentStatus.Failed,
                $"Failed in {browser}: {outcome.Reason}.", [size], Family: family);
        }
        var passed = outcome.Passed;
        var tolerance = outcome.Tolerance;
        var backend = run.Backend + (run.Renderer is { } r ? $" on {r}" : "") + (run.Threads is { } t ? $", {t} threads" : "");
        var setup = $"{run.RuntimeName}, backend {backend}, {browser} headless, batch 1, warm, timed in the page";
        var metrics = new List<MetricRecord>
        {
            MetricRecord.From(MetricNames.DeployBrowserLatency, "ms", run.Samples, setup),
            MetricRecord.Single(MetricNames.DeployBrowserLoad, "ms", run.LoadMs, "fetching and loading the model in the page"),
            MetricRecord.Single(MetricNames.DeployBrowserMaxDiff, "logit", maxDiff, string.Create(CultureInfo.InvariantCulture,
                $"vs {model.Reference}'s logits for the same trained weights, test images 0-{model.ReferenceImages - 1}, " +
                $"per-image tolerance from {model.Reference}'s logits, at most {tolerance:G3}")),
            size,
        };
        var latency = metrics[0].Summary;
        var timing = latency is null ? "no batch-1 run finished in the budget" : string.Create(CultureInfo.InvariantCulture,
            $"batch-1 latency {latency.Median:0.000} ms {IntervalText.Bracket(latency, "0.000")} " +
            $"(median, 95% CI, {run.Samples.Length} runs in the page)");
        var what = $"{run.Artifact} ({InteropProbe.Bytes(run.ArtifactBytes)})";
        var evidence = string.Create(CultureInfo.InvariantCulture,
            $"{run.RuntimeName} ({backend}) in headless {browser} loaded {what} from 127.0.0.1 in {run.LoadMs:0} ms and " +
            $"{(passed ? "reproduced" : "did NOT reproduce")} {model.Reference}'s logits on {model.ReferenceImages} test images ") +
            (outcome.Reason is { } why ? $"({why}); " : $"(max |diff| {maxDiff:G3}, every image within its tolerance); ") + timing + ".";
        return new(DeploymentTarget.Browser, engine, workload, passed ? DeploymentStatus.Passed : DeploymentStatus.Failed, evidence,
            metrics, Family: family);
    }
}
