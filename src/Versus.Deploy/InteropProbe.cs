using System.Globalization;
using Microsoft.ML.OnnxRuntime;
using Versus.Core.Engines;
using Versus.Core.Parity;
using Versus.Core.Results;
using Versus.Engines.OnnxRuntime;
using Versus.Engines.TorchSharp;
using Versus.Export.Onnx;

namespace Versus.Deploy;

/// <summary>
/// "Prototype in PyTorch, deploy via ONNX", exercised: TorchSharp trains a few steps from the run's initial weights,
/// its weights are exported to an .onnx file in the run's folder, ONNX Runtime loads that file, and both must give the
/// same logits on test images 0-15 within the parity tolerance. Runs in the calling process (TorchSharp and ONNX Runtime
/// both load in-process); every failure becomes a failed record with the stage it happened in, never an exception.
/// </summary>
public static class InteropProbe
{
    public const string Engine = "torchsharp-to-onnxruntime";
    public const int ComparedImages = 16;

    public static async Task<(DeploymentRecord Record, ExportedModel? Model)> RunAsync(DeploymentContext context, CancellationToken cancellationToken)
    {
        var stage = "loading TorchSharp";
        try
        {
            using var torch = ((IInProcessEngineFactory)new TorchSharpEngineProvider()).Load(context.Threads);
            stage = "preparing the workload in TorchSharp";
            await torch.PrepareAsync(context.Spec, context.InitialWeights, context.Data, cancellationToken);
            stage = "training in TorchSharp";
            var steps = TrainSteps(context);
            Train(torch, context, steps);
            cancellationToken.ThrowIfCancellationRequested();

            stage = "exporting to ONNX";
            var weights = torch.ExportWeights();
            var directory = Path.Combine(context.OutDirectory, "deploy");
            Directory.CreateDirectory(directory);
            var path = Path.Combine(directory, context.Spec.Id + ".onnx");
            OnnxExporter.ExportFile(context.Spec, weights, path);
            var bytes = new FileInfo(path).Length;

            stage = "comparing logits";
            var count = Math.Min(ComparedImages, context.Data.Test.Count);
            if (count == 0) throw new InvalidOperationException("the dataset has no test images to compare on");
            var indices = Enumerable.Range(0, count).ToArray();
            var expected = torch.Predict(indices);
            var actual = OnnxRun(path, context, indices);
            var maxDiff = expected.Zip(actual, (a, b) => Math.Abs((double)a - b)).Max();
            var tolerance = ParityAnalyzer.ForwardToleranceFor(expected.Max(v => Math.Abs((double)v)));
            var passed = maxDiff <= tolerance;

            var evidence = string.Create(CultureInfo.InvariantCulture,
                $"TorchSharp trained {steps} steps, exported to ONNX (opset {OnnxExportOptions.DefaultOpset}, {Bytes(bytes)} on disk) and ONNX Runtime " +
                $"{(passed ? "reproduced" : "did NOT reproduce")} its logits on {count} test images: max |diff| {maxDiff:G3} {(passed ? "<=" : ">")} tolerance {tolerance:G3}.");
            var metrics = new[]
            {
                MetricRecord.Single(MetricNames.DeployModelSize, "bytes", bytes, "the .onnx file, weights included (fp32)"),
                MetricRecord.Single(MetricNames.DeployInteropMaxDiff, "logit", maxDiff, $"TorchSharp vs ONNX Runtime, test images 0-{count - 1}, tolerance {tolerance.ToString("G3", CultureInfo.InvariantCulture)}"),
            };
            var record = new DeploymentRecord(DeploymentTarget.OnnxInterop, Engine, context.Spec.Id, passed ? DeploymentStatus.Passed : DeploymentStatus.Failed, evidence, metrics);
            return (record, new ExportedModel(path, bytes, weights, expected, count));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return (Failed(DeploymentTarget.OnnxInterop, Engine, context.Spec.Id, stage, e), null);
        }
    }

    /// <summary>A few steps are enough to move every weight away from its initial value, so the export is of trained state.</summary>
    public static int TrainSteps(DeploymentContext context) => context.Quick ? 4 : 20;

    /// <summary>A failed record naming the stage and the error, the one shape every probe uses for a failure.</summary>
    public static DeploymentRecord Failed(DeploymentTarget target, string engine, string workload, string stage, Exception e) =>
        new(target, engine, workload, DeploymentStatus.Failed, $"Failed while {stage}: {e.GetBaseException().GetType().Name}: {e.GetBaseException().Message}", []);

    public static string Bytes(long bytes) => bytes >= 1 << 20
        ? string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024):0.00} MiB")
        : string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.0} KiB");

    private static void Train(IEngine torch, DeploymentContext context, int steps)
    {
        var batch = context.Spec.Training.BatchSize;
        var train = context.Data.Train.Count;
        if (train == 0) throw new InvalidOperationException("the dataset has no training images");
        var indices = new int[batch];
        for (var step = 0; step < steps; step++)
        {
            for (var i = 0; i < batch; i++) indices[i] = (step * batch + i) % train;
            torch.TrainStep(indices);
        }
    }

    private static float[] OnnxRun(string path, DeploymentContext context, int[] indices)
    {
        var input = ScaledImages(context, indices);
        var shape = context.Spec.Input;
        using var options = new SessionSettings(context.Threads).Create();
        using var session = new InferenceSession(path, options);
        using var value = OrtValue.CreateTensorValueFromMemory(input, [indices.Length, shape.Channels, shape.Height, shape.Width]);
        using var runOptions = new RunOptions();
        using var outputs = session.Run(runOptions, [OnnxExportOptions.Default.InputName], [value], [OnnxExportOptions.Default.OutputName]);
        return outputs[0].GetTensorDataAsSpan<float>().ToArray();
    }

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
