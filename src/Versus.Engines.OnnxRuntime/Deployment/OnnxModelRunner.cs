using Microsoft.ML.OnnxRuntime;
using Versus.Core.Deployment;
using Versus.Core.Models;
using Versus.Export.Onnx;

namespace Versus.Engines.OnnxRuntime.Deployment;

/// <summary>
/// The exported model behind one ONNX Runtime session: InferenceSession.Run is thread-safe, and one session keeps a
/// single copy of the weights however many requests are in flight.
/// </summary>
public sealed class OnnxModelRunner : IModelRunner
{
    private readonly InferenceSession session;
    // OrtRun takes the run options as const: one instance serves concurrent requests.
    private readonly RunOptions runOptions = new();
    private readonly string[] inputNames = [OnnxExportOptions.Default.InputName];
    private readonly string[] outputNames = [OnnxExportOptions.Default.OutputName];
    private readonly ActivationShape image;
    private readonly int threads;

    public OnnxModelRunner(byte[] model, ActivationShape image, int threads)
    {
        using var options = new SessionSettings(threads).Create();
        session = new InferenceSession(model, options);
        ModelBytes = model.LongLength;
        this.image = image;
        this.threads = threads;
    }

    public string Description =>
        $"ONNX Runtime {SessionSettings.ExecutionProvider} ({threads} intra-op thread{(threads == 1 ? "" : "s")})";

    public long ModelBytes { get; }

    public float[] Run(float[] pixels, int count)
    {
        using var value = OrtValue.CreateTensorValueFromMemory(pixels, [count, image.Channels, image.Height, image.Width]);
        using var outputs = session.Run(runOptions, inputNames, [value], outputNames);
        return outputs[0].GetTensorDataAsSpan<float>().ToArray();
    }

    public void Dispose()
    {
        session.Dispose();
        runOptions.Dispose();
    }
}
