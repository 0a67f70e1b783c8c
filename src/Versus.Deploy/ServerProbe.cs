using System.Globalization;
using Versus.Core.Deployment;
using Versus.Core.Results;
using Versus.Core.Statistics;

namespace Versus.Deploy;

/// <summary>
/// The server target, once per engine that offers an <see cref="IServingCapability"/> (here the exported model on ONNX
/// Runtime and the trained module on TorchSharp), each behind <see cref="DeployProbe"/> (Kestrel on loopback) loaded at
/// concurrency 1, 8 and 32 with a fixed request count per level. Quick runs send fewer requests, too few for a p99,
/// which is then withheld rather than guessed. Engines that declared a server <see cref="DeploymentGap"/> (TensorFlow.js
/// would serve from Node with tfjs-node) follow as not exercised, with why. Failures become failed records.
/// </summary>
public static class ServerProbe
{
    public const int QuickRequestsPerLevel = 200;

    public static DeployProbeOptions Options(DeploymentContext context) => DeployProbeOptions.Default with
    {
        RequestsPerLevel = context.Quick ? QuickRequestsPerLevel : TailPercentileRule.MinimumForP99,
        WarmupRequests = context.Quick ? 32 : 64,
    };

    public static async Task<IReadOnlyList<DeploymentRecord>> RunAsync(DeploymentContext context, ExportedModel? model, CancellationToken cancellationToken)
    {
        var records = new List<DeploymentRecord>();
        foreach (var serving in context.Offered<IServingCapability>())
            records.Add(await RunAsync(context, model, serving, cancellationToken));
        records.AddRange(context.Gaps(DeploymentTarget.Server));
        return records;
    }

    private static async Task<DeploymentRecord> RunAsync(DeploymentContext context, ExportedModel? model, IServingCapability serving,
        CancellationToken cancellationToken)
    {
        if (model is null)
        {
            return new DeploymentRecord(DeploymentTarget.Server, serving.Engine, context.Spec.Id, DeploymentStatus.Failed,
                "Not served: the trained weights and ONNX export it would serve failed (see the onnx-interop row).", [],
                Family: serving.Family);
        }
        try
        {
            var options = Options(context);
            var result = await DeployProbe.RunAsync(serving, context.Spec, model, context.Data, options, cancellationToken);
            var metrics = new List<MetricRecord>();
            foreach (var level in result.Levels)
            {
                metrics.Add(MetricRecord.Single(MetricNames.DeployServer(level.Concurrency, "throughput"), "requests/s", level.ThroughputPerSecond,
                    $"{level.Requests} batch-1 requests, {level.Concurrency} closed-loop clients, {level.WallMs.ToString("0", CultureInfo.InvariantCulture)} ms wall"));
                metrics.Add(MetricRecord.From(MetricNames.DeployServer(level.Concurrency, "latency"), "ms", level.LatencySamplesMs ?? [],
                    "send to last response byte, successful requests only"));
                metrics.Add(MetricRecord.Single(MetricNames.DeployServer(level.Concurrency, "errors"), "count", level.Errors,
                    level.ErrorSamples.Count > 0 ? string.Join("; ", level.ErrorSamples) : null));
            }
            var errors = result.Levels.Sum(l => l.Errors);
            var levels = string.Join("; ", result.Levels.Select(Describe));
            var withheld = result.Levels.Any(l => l.P99Ms is null)
                ? $" p99 withheld: {options.RequestsPerLevel} requests per level, fewer than the {TailPercentileRule.MinimumForP99} a p99 needs."
                : "";
            var evidence = string.Create(CultureInfo.InvariantCulture,
                $"{result.Server} on loopback, {options.RequestsPerLevel} requests per level: {levels}; {errors} errors.{withheld}");
            return new DeploymentRecord(DeploymentTarget.Server, serving.Engine, context.Spec.Id,
                errors == 0 ? DeploymentStatus.Passed : DeploymentStatus.Failed, evidence, metrics, Family: serving.Family);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return InteropProbe.Failed(DeploymentTarget.Server, serving.Engine, serving.Family, context.Spec.Id, "serving over HTTP",
                e);
        }
    }

    private static string Describe(LoadLevelResult level) =>
        string.Create(CultureInfo.InvariantCulture, $"c{level.Concurrency} {level.ThroughputPerSecond:0} req/s, p50 {Ms(level.P50Ms)}")
        + (level.P99Ms is { } p99 ? $", p99 {Ms(p99)}" : "");

    private static string Ms(double? value) => value is { } v ? string.Create(CultureInfo.InvariantCulture, $"{v:0.00} ms") : "n/a";
}
