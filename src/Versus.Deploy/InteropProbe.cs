using System.Globalization;
using Versus.Core.Deployment;
using Versus.Core.Engines;
using Versus.Core.Parity;
using Versus.Core.Results;

namespace Versus.Deploy;

/// <summary>
/// "Prototype in PyTorch, deploy via ONNX", exercised: every <see cref="IOnnxExportCapability"/> (TorchSharp here) trains
/// a few steps from the run's initial weights and exports them to an .onnx file in the run's folder, then every
/// <see cref="IOnnxRuntimeCapability"/> (ONNX Runtime here) loads that file, and both must give the same logits on test
/// images 0-15 within the parity tolerance: one record per exporter and runtime. Runs in the calling process; every
/// failure becomes a failed record with the stage it happened in, never an exception.
/// </summary>
/// <remarks>
/// A record carries the exporter's <see cref="FrameworkFamily"/> (PyTorch for TorchSharp), not the runtime's: the deck's
/// "ONNX interoperability" strength belongs to the framework whose models leave it through ONNX, and the runtime is the
/// witness that they arrived intact. ONNX's own rows are the export's deployments (server, edge, browser).
/// </remarks>
public static class InteropProbe
{
    public const int ComparedImages = 16;

    /// <summary>The records, and the first export that succeeded: what the server, edge and browser probes deploy.</summary>
    public static async Task<(IReadOnlyList<DeploymentRecord> Records, ExportedModel? Model)> RunAsync(DeploymentContext context,
        CancellationToken cancellationToken)
    {
        var records = new List<DeploymentRecord>();
        ExportedModel? deployed = null;
        var exporters = context.Offered<IOnnxExportCapability>();
        for (var n = 0; n < exporters.Count; n++)
        {
            // The first export keeps the plain name a deployment looks for; others are told apart by their engine.
            var name = n == 0 ? context.Spec.Id : $"{context.Spec.Id}-{exporters[n].Engine}";
            var (exported, model) = await ExportAsync(context, exporters[n], name, cancellationToken);
            records.AddRange(exported);
            deployed ??= model;
        }
        records.AddRange(context.Gaps(DeploymentTarget.OnnxInterop));
        return (records, deployed);
    }

    private static async Task<(IReadOnlyList<DeploymentRecord> Records, ExportedModel? Model)> ExportAsync(
        DeploymentContext context, IOnnxExportCapability exporter, string name, CancellationToken cancellationToken)
    {
        var runtimes = context.Offered<IOnnxRuntimeCapability>();
        var stage = $"exporting with {exporter.Name}";
        ExportedModel model;
        try
        {
            var count = Math.Min(ComparedImages, context.Data.Test.Count);
            var directory = Path.Combine(context.OutDirectory, "deploy");
            Directory.CreateDirectory(directory);
            var input = new OnnxExportInput(context.Spec, context.InitialWeights, context.Data, context.Threads,
                TrainSteps(context), count, Path.Combine(directory, name + ".onnx"));
            if (count == 0)
            {
                stage = "comparing logits";
                throw new InvalidOperationException("the dataset has no test images to compare on");
            }
            model = await exporter.ExportAsync(input, s => stage = s, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            var failed = Engines(exporter, runtimes)
                .Select(engine => Failed(DeploymentTarget.OnnxInterop, engine, exporter.Family, context.Spec.Id, stage, e));
            return ([.. failed], null);
        }
        var records = new List<DeploymentRecord>();
        foreach (var runtime in runtimes) records.Add(await CompareAsync(context, exporter, runtime, model, cancellationToken));
        return (records, model);
    }

    private static async Task<DeploymentRecord> CompareAsync(DeploymentContext context, IOnnxExportCapability exporter,
        IOnnxRuntimeCapability runtime, ExportedModel model, CancellationToken cancellationToken)
    {
        var engine = Engine(exporter, runtime);
        try
        {
            var count = model.ReferenceImages;
            var indices = Enumerable.Range(0, count).ToArray();
            var expected = model.ReferenceLogits;
            var actual = await runtime.RunAsync(model.Path, context.Spec.Input, ScaledImages(context, indices), count, context.Threads,
                cancellationToken);
            var outcome = LogitComparison.Compare(new ParityProbe(indices, context.Spec.Classes, expected),
                new ParityProbe(indices, context.Spec.Classes, actual), exporter.Name, runtime.Name);
            var passed = outcome.Passed;
            var verdict = outcome.MaxAbsDifference is { } diff
                ? string.Create(CultureInfo.InvariantCulture,
                    $"max |diff| {diff:G3}, {(passed ? "every image within" : "beyond")} its tolerance (at most {outcome.Tolerance:G3})")
                : "";
            var evidence = string.Create(CultureInfo.InvariantCulture,
                $"{exporter.Name} trained {TrainSteps(context)} steps, exported to ONNX (opset {model.Opset}, {Bytes(model.Bytes)} on disk) " +
                $"and {runtime.Name} {(passed ? "reproduced" : "did NOT reproduce")} its logits on {count} test images: ") +
                (outcome.Reason ?? verdict) + ".";
            var metrics = new List<MetricRecord>
            {
                MetricRecord.Single(MetricNames.DeployModelSize, "bytes", model.Bytes, "the .onnx file, weights included (fp32)"),
            };
            if (outcome.MaxAbsDifference is { } maxDiff)
            {
                metrics.Add(MetricRecord.Single(MetricNames.DeployInteropMaxDiff, "logit", maxDiff,
                    string.Create(CultureInfo.InvariantCulture,
                        $"{exporter.Name} vs {runtime.Name}, test images 0-{count - 1}, per-image tolerance from {exporter.Name}'s logits")));
            }
            var status = passed ? DeploymentStatus.Passed : DeploymentStatus.Failed;
            return new DeploymentRecord(DeploymentTarget.OnnxInterop, engine, context.Spec.Id, status, evidence, metrics, Family: exporter.Family);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return Failed(DeploymentTarget.OnnxInterop, engine, exporter.Family, context.Spec.Id, "comparing logits", e);
        }
    }

    /// <summary>"torchsharp-to-onnxruntime": who exported, and who reproduced it.</summary>
    private static string Engine(IOnnxExportCapability exporter, IOnnxRuntimeCapability runtime) =>
        $"{exporter.Engine}-to-{runtime.Engine}";

    /// <summary>The engines of one export's rows: one per runtime, or the exporter alone where no runtime is offered.</summary>
    private static IEnumerable<string> Engines(IOnnxExportCapability exporter, IReadOnlyList<IOnnxRuntimeCapability> runtimes) =>
        runtimes.Count == 0 ? [exporter.Engine] : runtimes.Select(r => Engine(exporter, r));

    /// <summary>A few steps are enough to move every weight away from its initial value, so the export is of trained state.</summary>
    public static int TrainSteps(DeploymentContext context) => context.Quick ? 4 : 20;

    /// <summary>A failed record naming the stage and the error, the one shape every probe uses for a failure.</summary>
    public static DeploymentRecord Failed(DeploymentTarget target, string engine, FrameworkFamily family, string workload, string stage,
        Exception e) =>
        new(target, engine, workload, DeploymentStatus.Failed,
            $"Failed while {stage}: {e.GetBaseException().GetType().Name}: {e.GetBaseException().Message}", [], Family: family);

    public static string Bytes(long bytes) => bytes >= 1 << 20
        ? string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024):0.00} MiB")
        : string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.0} KiB");

    /// <summary>Pixels scaled x / 255 in float32, as every engine scales them.</summary>
    public static float[] ScaledImages(DeploymentContext context, IReadOnlyList<int> indices)
    {
        var pixels = context.Data.PixelsPerImage;
        var input = new float[indices.Count * pixels];
        for (var n = 0; n < indices.Count; n++)
        {
            for (var p = 0; p < pixels; p++) input[n * pixels + p] = context.Data.Test.Pixels[indices[n] * pixels + p] / 255f;
        }
        return input;
    }
}
