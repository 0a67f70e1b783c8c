using System.Diagnostics;
using System.Globalization;
using Microsoft.ML.OnnxRuntime;
using Versus.Core.Measurement;
using Versus.Core.Results;
using Versus.Engines.OnnxRuntime;
using Versus.Export.Onnx;

namespace Versus.Deploy;

/// <summary>
/// The edge target as far as this machine can stand in for one: ONNX Runtime on one thread (a small device's budget),
/// batch-1 warm latency on the exported file, and its size on disk. The int8 variant is recorded as not exercised: no
/// library available to .NET here quantises an ONNX model. Runs in the calling process; failures become failed records.
/// </summary>
public static class EdgeProbe
{
    public const string Engine = OnnxRuntimeEngineProvider.EngineId;
    public const string Int8Engine = "onnxruntime-int8";
    public const int EdgeThreads = 1;

    public const string Int8Reason =
        "Not exercised: int8 quantisation needs a tool that rewrites the ONNX graph, and none is available to .NET here " +
        "(ONNX Runtime's quantize_static/quantize_dynamic are Python-only; the NuGet packages offer inference, not quantisation).";

    private const int WarmupRuns = 20;

    public static async Task<IReadOnlyList<DeploymentRecord>> RunAsync(DeploymentContext context, ExportedModel? model, CancellationToken cancellationToken)
    {
        var int8 = new DeploymentRecord(DeploymentTarget.Edge, Int8Engine, context.Spec.Id, DeploymentStatus.NotExercised, Int8Reason, []);
        if (model is null)
        {
            return [new DeploymentRecord(DeploymentTarget.Edge, Engine, context.Spec.Id, DeploymentStatus.Failed,
                "Not measured: the ONNX export it would run failed (see the onnx-interop row).", []), int8];
        }
        try
        {
            return [await MeasureAsync(context, model, cancellationToken), int8];
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return [InteropProbe.Failed(DeploymentTarget.Edge, Engine, context.Spec.Id, "timing single-thread inference", e), int8];
        }
    }

    private static async Task<DeploymentRecord> MeasureAsync(DeploymentContext context, ExportedModel model, CancellationToken cancellationToken)
    {
        var shape = context.Spec.Input;
        var input = InteropProbe.ScaledImages(context, [0]);
        using var options = new SessionSettings(EdgeThreads).Create();
        using var session = new InferenceSession(model.Path, options);
        using var value = OrtValue.CreateTensorValueFromMemory(input, [1, shape.Channels, shape.Height, shape.Width]);
        using var runOptions = new RunOptions();
        string[] inputs = [OnnxExportOptions.Default.InputName];
        string[] outputs = [OnnxExportOptions.Default.OutputName];
        OrtValue[] values = [value];

        double Once()
        {
            var started = Stopwatch.GetTimestamp();
            using var result = session.Run(runOptions, inputs, values, outputs);
            return Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }

        var estimate = double.MaxValue;
        for (var i = 0; i < WarmupRuns; i++) estimate = Math.Min(estimate, Once());
        var policy = context.Profile.Policy(context.Profile.LatencyBudget);
        var (samples, stop) = await AdaptiveSampler.SampleAsync(chunk =>
        {
            cancellationToken.ThrowIfCancellationRequested();
            var taken = new double[chunk];
            for (var i = 0; i < chunk; i++) taken[i] = Once();
            return Task.FromResult(taken);
        }, policy, estimate);

        var latency = MetricRecord.From(MetricNames.DeployEdgeLatency, "ms", samples, $"ONNX Runtime, {EdgeThreads} intra-op thread, batch 1, warm ({WarmupRuns} runs first)");
        var summary = latency.Summary!;
        var evidence = string.Create(CultureInfo.InvariantCulture,
            $"ONNX Runtime on {EdgeThreads} thread ran the {InteropProbe.Bytes(model.Bytes)} fp32 model at batch 1 in {summary.Median:0.000} ms " +
            $"[{summary.Ci95Low:0.000}-{summary.Ci95High:0.000}] (median, 95% CI, {samples.Count} warm runs, stopped: {Stop(stop)}).");
        var size = MetricRecord.Single(MetricNames.DeployModelSize, "bytes", model.Bytes, "the .onnx file, weights included (fp32)");
        return new DeploymentRecord(DeploymentTarget.Edge, Engine, context.Spec.Id, DeploymentStatus.Passed, evidence, [latency, size]);
    }

    private static string Stop(Core.Statistics.StopReason reason) => reason switch
    {
        Core.Statistics.StopReason.IntervalReached => "interval reached",
        Core.Statistics.StopReason.BudgetSpent => "budget spent",
        Core.Statistics.StopReason.MaxSamples => "sample cap",
        _ => reason.ToString(),
    };
}
