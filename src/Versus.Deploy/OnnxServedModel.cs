using Microsoft.ML.OnnxRuntime;
using Versus.Core.Models;
using Versus.Engines.OnnxRuntime;
using Versus.Export.Onnx;

namespace Versus.Deploy;

/// <summary>
/// The exported model behind one ONNX Runtime session: InferenceSession.Run is thread-safe, and one session keeps a
/// single copy of the weights however many requests are in flight.
/// </summary>
public sealed class OnnxServedModel : ServedModel
{
    private readonly InferenceSession session;
    // OrtRun takes the run options as const: one instance serves concurrent requests.
    private readonly RunOptions runOptions = new();
    private readonly string[] inputNames = [OnnxExportOptions.Default.InputName];
    private readonly string[] outputNames = [OnnxExportOptions.Default.OutputName];
    private readonly int threads;

    public OnnxServedModel(byte[] model, ActivationShape image, int classes, int threads)
        : base(image, classes)
    {
        using var options = new SessionSettings(threads).Create();
        session = new InferenceSession(model, options);
        ModelBytes = model.LongLength;
        this.threads = threads;
    }

    public override string Engine => OnnxRuntimeEngineProvider.EngineId;

    public override string Description => $"ASP.NET Core minimal API (Kestrel, HTTP/1.1, JSON) + ONNX Runtime CPUExecutionProvider ({threads} intra-op thread{(threads == 1 ? "" : "s")})";

    public override long ModelBytes { get; }

    protected override float[] Run(float[] pixels, int count)
    {
        using var value = OrtValue.CreateTensorValueFromMemory(pixels, [count, Image.Channels, Image.Height, Image.Width]);
        using var outputs = session.Run(runOptions, inputNames, [value], outputNames);
        return outputs[0].GetTensorDataAsSpan<float>().ToArray();
    }

    public override void Dispose()
    {
        session.Dispose();
        runOptions.Dispose();
    }
}
