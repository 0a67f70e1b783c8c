using Microsoft.ML.OnnxRuntime;
using Versus.Core.Deployment;
using Versus.Core.Engines;
using Versus.Core.Models;
using Versus.Core.Results;
using Versus.Export.Onnx;

namespace Versus.Engines.OnnxRuntime.Deployment;

/// <summary>
/// ONNX Runtime on the edge target's budget: the exported file in a session of its own, one input bound once so that
/// only <c>session.Run</c> is timed. Its int8 variant is a <see cref="Int8Gap"/>: nothing here quantises an ONNX model.
/// </summary>
public sealed class OnnxRuntimeEdge : IEdgeCapability
{
    public const string Int8Engine = "onnxruntime-int8";

    public const string Int8Reason =
        "Not exercised: int8 quantisation needs a tool that rewrites the ONNX graph, and none is available to .NET here " +
        "(ONNX Runtime's quantize_static/quantize_dynamic are Python-only; the NuGet packages offer inference, not quantisation).";

    public static DeploymentGap Int8Gap { get; } = new(DeploymentTarget.Edge, Int8Engine, FrameworkFamily.Onnx, Int8Reason);

    public string Engine => OnnxRuntimeEngineProvider.EngineId;

    public string Name => "ONNX Runtime";

    public FrameworkFamily Family => FrameworkFamily.Onnx;

    public Task<IPreparedInference> PrepareAsync(ExportedModel model, ActivationShape image, float[] pixels, int count,
        int threads, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult<IPreparedInference>(new Prepared(model.Path, image, pixels, count, threads));
    }

    private sealed class Prepared : IPreparedInference
    {
        private readonly SessionOptions options;
        private readonly InferenceSession session;
        private readonly OrtValue value;
        private readonly RunOptions runOptions = new();
        private readonly string[] inputs = [OnnxExportOptions.Default.InputName];
        private readonly string[] outputs = [OnnxExportOptions.Default.OutputName];
        private readonly OrtValue[] values;

        public Prepared(string path, ActivationShape image, float[] pixels, int count, int threads)
        {
            options = new SessionSettings(threads).Create();
            session = new InferenceSession(path, options);
            value = OrtValue.CreateTensorValueFromMemory(pixels, [count, image.Channels, image.Height, image.Width]);
            values = [value];
        }

        public void Run()
        {
            using var result = session.Run(runOptions, inputs, values, outputs);
        }

        public void Dispose()
        {
            value.Dispose();
            runOptions.Dispose();
            session.Dispose();
            options.Dispose();
        }
    }
}
