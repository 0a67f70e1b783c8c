using System.Globalization;
using Versus.Core.Results;
using Versus.Core.Statistics;

namespace Versus.Deploy;

/// <summary>
/// The server target, once per engine that can serve from .NET (<see cref="DeployProbe.ServingEngines"/>): the
/// exported model on ONNX Runtime and the trained module on TorchSharp, each behind <see cref="DeployProbe"/> (Kestrel
/// on loopback) loaded at concurrency 1, 8 and 32 with a fixed request count per level. Quick runs send fewer requests,
/// too few for a p99, which is then withheld rather than guessed. TensorFlow.js would serve from Node with tfjs-node:
/// recorded as not exercised, with why. Failures become failed records.
/// </summary>
public static class ServerProbe
{
    public const int QuickRequestsPerLevel = 200;

    public static DeployProbeOptions Options(DeploymentContext context) => DeployProbeOptions.Default with
    {
        RequestsPerLevel = context.Quick ? QuickRequestsPerLevel : TailPercentileRule.MinimumForP99,
        WarmupRequests = context.Quick ? 32 : 64,
    };

    public const string TfjsEngine = "tfjs (Node)";

    public const string TfjsReason =
        "Not exercised: a TensorFlow.js server runs in Node behind @tensorflow/tfjs-node (native libtensorflow); this probe serves from " +
        ".NET (ASP.NET Core) only, and the JavaScript cpu kernels (tens of ms per image here) are not a serving path.";

    public static async Task<IReadOnlyList<DeploymentRecord>> RunAsync(DeploymentContext context, ExportedModel? model, CancellationToken cancellationToken)
    {
        var records = new List<DeploymentRecord>();
        foreach (var engine in DeployProbe.ServingEngines) records.Add(await RunAsync(context, model, engine, cancellationToken));
        records.Add(new DeploymentRecord(DeploymentTarget.Server, TfjsEngine, context.Spec.Id, DeploymentStatus.NotExercised, TfjsReason, []));
        return records;
    }

    private static async Task<DeploymentRecord> RunAsync(DeploymentContext context, ExportedModel? model, string engine, CancellationToken cancellationToken)
    {
        if (model is null)
        {
            return new DeploymentRecord(DeploymentTarget.Server, engine, context.Spec.Id, DeploymentStatus.Failed,
                "Not served: the trained weights and ONNX export it would serve failed (see the onnx-interop row).", []);
        }
        try
        {
            var options = Options(context) with { Engine = engine };
            var result = await DeployProbe.RunAsync(context.Spec, model.Weights, context.Data, options, cancellationToken);
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
            return new DeploymentRecord(DeploymentTarget.Server, engine, context.Spec.Id, errors == 0 ? DeploymentStatus.Passed : DeploymentStatus.Failed, evidence, metrics);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return InteropProbe.Failed(DeploymentTarget.Server, engine, context.Spec.Id, "serving over HTTP", e);
        }
    }

    private static string Describe(LoadLevelResult level) =>
        string.Create(CultureInfo.InvariantCulture, $"c{level.Concurrency} {level.ThroughputPerSecond:0} req/s, p50 {Ms(level.P50Ms)}")
        + (level.P99Ms is { } p99 ? $", p99 {Ms(p99)}" : "");

    private static string Ms(double? value) => value is { } v ? string.Create(CultureInfo.InvariantCulture, $"{v:0.00} ms") : "n/a";
}
